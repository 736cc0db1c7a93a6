"""One article file as text: plain text, Markdown without its markup, HTML
through trafilatura (imported only when an HTML file is met)."""
from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from ..errors import InputError
from ..text.decode import MAX_BYTES, decode_bytes
from ..text.markdown import markdown_to_text
from .records import HTML_EXTS

MD_HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t#]*$", re.M)


def read_article_file(path: Path) -> tuple[str, list[str], dict[str, str]]:
    """Text, warnings and metadata found in the file itself (a Markdown
    heading or the HTML title/date/url)."""
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):  # reading a FIFO named *.txt would wait forever
            raise InputError(str(path), "is not a regular file (a named pipe, socket or "
                                        "device); skipped")
        size = st.st_size
        if size > MAX_BYTES:
            raise InputError(str(path), f"is {size / 2**20:.1f} MiB, over the "
                                        f"{MAX_BYTES // 2**20} MiB limit for one article")
        data = path.read_bytes()
    except PermissionError:
        raise InputError(str(path), "permission denied") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot be read ({exc.strerror or exc})") from None
    if path.suffix.lower() in HTML_EXTS:
        return html_to_text(data, str(path))
    text, warnings = decode_bytes(data, str(path))
    found: dict[str, str] = {}
    if path.suffix.lower() in (".md", ".markdown"):
        m = MD_HEADING.search(text)
        if m:
            found["title"] = m.group(1).strip()
        text = markdown_to_text(text)
    return text, warnings, found


def read_article(path: str | os.PathLike) -> tuple[str, list[str], dict[str, str]]:
    """One article file as ``framing analyze`` reads it wherever it appears:
    ``.html``/``.htm`` through trafilatura, ``.md`` without its markup,
    anything else as plain text. Returns (text, warnings, metadata)."""
    p = Path(path)
    if not p.exists():
        raise InputError(str(path), "no such file")
    if p.is_dir():
        raise InputError(str(path), "is a directory, not a file (give the article files inside it)")
    return read_article_file(p)


def html_to_text(data: bytes | str, source: str) -> tuple[str, list[str], dict[str, str]]:
    """The main text of an HTML page (trafilatura), with its title, date and
    url when the page declares them."""
    try:
        import trafilatura
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise InputError(source, f"reading HTML needs trafilatura and lxml_html_clean "
                                 f"(pip install trafilatura lxml_html_clean): {exc}") from None
    if isinstance(data, bytes):
        html, warnings = decode_bytes(data, source)
    else:
        html, warnings = data, []
    try:
        doc = trafilatura.bare_extraction(html, include_comments=False, include_tables=False,
                                          favor_precision=True, with_metadata=True)
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise InputError(source, f"the HTML could not be parsed ({type(exc).__name__}: {exc})") from None
    if doc is None:
        raise InputError(source, "no article text found in the HTML")
    get = (lambda k: doc.get(k)) if isinstance(doc, dict) else (lambda k: getattr(doc, k, None))
    text = (get("text") or "").strip()
    if not text:
        raise InputError(source, "no article text found in the HTML")
    found = {k: str(get(k)) for k in ("title", "date", "url") if get(k)}
    if found.get("title"):
        text = f"{found['title']}\n\n{text}"
    return text + "\n", warnings, found

