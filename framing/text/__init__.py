"""Text processing that keeps offsets into the original string: paragraphs,
sentences, tokens and quotation marks. Nothing here rewrites the text."""
