"""Markdown → article text: the prose a reader sees, without the markup.

Headings lose their ``#`` marks, emphasis (``*``, ``_``, ``**``, ``__``)
and inline code lose their delimiters, links keep their text and drop the
address, images, HTML comments, fenced code blocks, tables' rule rows and
reference-link definitions go, block quotes and list items lose their
markers (CommonMark 0.31 names these constructs; this is a reader's
approximation, not a full parser). Paragraph breaks are kept, so the
Document finds the same paragraphs.
"""
from __future__ import annotations

import re

_FENCE = re.compile(r"^(`{3,}|~{3,})[^\n]*\n.*?^\1[ \t]*$\n?", re.M | re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")
_REF_LINK = re.compile(r"\[([^\]\n]+)\]\[[^\]\n]*\]")
_REF_DEF = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*$\n?", re.M)
_HEADING = re.compile(r"^[ ]{0,3}#{1,6}[ \t]+(.*?)[ \t#]*$", re.M)
_SETEXT = re.compile(r"^[ ]{0,3}(=+|-{2,})[ \t]*$", re.M)
_QUOTE = re.compile(r"^[ ]{0,3}>[ ]?", re.M)
_BULLET = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+", re.M)
_RULE = re.compile(r"^[ ]{0,3}(?:[-*_][ \t]*){3,}$", re.M)
_TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$", re.M)
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", re.S)
_EM = re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])", re.S)
_CODE = re.compile(r"`([^`\n]+)`")
_BLANKS = re.compile(r"\n{3,}")


def markdown_to_text(md: str) -> str:
    """The article text of a Markdown document (see the module docstring)."""
    s = md.replace("\r\n", "\n")
    for pattern, repl in ((_FENCE, ""), (_COMMENT, ""), (_REF_DEF, ""), (_IMAGE, ""),
                          (_LINK, r"\1"), (_REF_LINK, r"\1"), (_TABLE_RULE, ""),
                          (_RULE, ""), (_SETEXT, ""), (_HEADING, r"\1"), (_QUOTE, ""),
                          (_BULLET, ""), (_STRONG, r"\2"), (_EM, r"\2"), (_CODE, r"\1")):
        s = pattern.sub(repl, s)
    s = "\n".join(line.rstrip() for line in s.split("\n"))
    return _BLANKS.sub("\n\n", s).strip("\n") + "\n"
