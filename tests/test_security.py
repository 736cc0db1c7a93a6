"""Nothing from inputs or configuration is executed, output paths never leave
--out, and reading HTML fetches nothing and resolves no external entity."""
from __future__ import annotations

import ast
import http.server
import json
import re
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from framing.cli import app

PACKAGE = Path(__file__).resolve().parent.parent / "framing"
ARTICLE = ("The council approved the harbour plan on Tuesday. Is it the right choice? "
           "Officials say it may cost more than expected.")

FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__", "execfile", "input"}
FORBIDDEN_MODULES = {"pickle", "cPickle", "marshal", "shelve", "dill", "cloudpickle", "yaml",
                     "subprocess", "pty", "code", "codeop"}
FORBIDDEN_ATTRS = {("os", "system"), ("os", "popen"), ("os", "execv"), ("os", "execvp"),
                   ("os", "spawnv"), ("pickle", "loads"), ("pickle", "load")}


def _sources():
    return sorted(PACKAGE.rglob("*.py"))


def test_no_code_execution_primitives_in_the_package():
    """A static scan of every module: no eval/exec/compile/__import__, no
    pickle/marshal/shelve/yaml/subprocess, no os.system/popen/exec*, no
    numpy.load(allow_pickle=True)."""
    found = []
    for path in _sources():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            where = f"{path.relative_to(PACKAGE.parent)}:{getattr(node, 'lineno', '?')}"
            if isinstance(node, ast.Call):
                f = node.func
                if isinstance(f, ast.Name) and f.id in FORBIDDEN_CALLS:
                    found.append(f"{where} calls {f.id}()")
                if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and \
                        (f.value.id, f.attr) in FORBIDDEN_ATTRS:
                    found.append(f"{where} calls {f.value.id}.{f.attr}()")
                for kw in node.keywords:
                    if kw.arg == "allow_pickle" and not (isinstance(kw.value, ast.Constant)
                                                         and kw.value.value is False):
                        found.append(f"{where} passes allow_pickle")
            elif isinstance(node, ast.Import):
                found += [f"{where} imports {a.name}" for a in node.names
                          if a.name.split(".")[0] in FORBIDDEN_MODULES]
            elif isinstance(node, ast.ImportFrom) and node.module and \
                    node.module.split(".")[0] in FORBIDDEN_MODULES:
                found.append(f"{where} imports from {node.module}")
    assert not found, "\n".join(found)


def test_configuration_is_data_toml_via_tomllib_models_via_json():
    actors_file = PACKAGE / "io" / "actors_file.py"
    if actors_file.exists():
        src = actors_file.read_text(encoding="utf-8")
        assert "tomllib.loads" in src or "tomllib.load(" in src
    model_files = [p for p in (PACKAGE / "models").iterdir() if p.is_file()]
    assert all(p.suffix in (".py", ".json", ".npz", ".onnx") or p.name.startswith("NOTICE")
               for p in model_files), model_files
    lexicons = [p for p in (PACKAGE / "lexicons").iterdir() if p.is_file()]
    assert all(p.suffix in (".py", ".tsv", ".txt") for p in lexicons), lexicons


# -- output paths ------------------------------------------------------------------------
HOSTILE_OUTLETS = ["../../etc", "../escape", "/tmp/framing-abs-outlet", "..\\..\\windows", "a/b/c",
                   ".", "..", "~", "CON", "null\u0000byte", "$(touch pwned)", "comparison.json"]


def _files(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file()}


@pytest.fixture()
def hostile_corpus(tmp_path):
    src = tmp_path / "in" / "corpus.jsonl"
    src.parent.mkdir()
    lines = []
    for i, outlet in enumerate(HOSTILE_OUTLETS * 2):
        lines.append(json.dumps({"outlet": outlet, "id": f"../../id{i}", "story": "../../story",
                                 "title": "../t", "text": f"{ARTICLE} Item {i}."}))
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return src


def test_outlet_names_never_leave_the_output_folder(tmp_path, hostile_corpus):
    runner = CliRunner()
    base = tmp_path / "work" / "deep"
    base.mkdir(parents=True)
    before = _files(tmp_path)
    out = base / "out"
    for args in (["compare", str(hostile_corpus), "--out", str(out / "compare"), "--quiet", "-j", "1"],
                 ["analyze", str(hostile_corpus), "--out", str(out / "analyze"), "--quiet", "-j", "1"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        assert "Traceback" not in result.output
    new = _files(tmp_path) - before
    assert new and all(out in p.parents for p in new), sorted(map(str, new - {p for p in new if out in p.parents}))
    assert not Path("/tmp/framing-abs-outlet").exists()
    assert not (tmp_path / "etc").exists() and not (tmp_path / "work" / "escape").exists()
    comparison = json.loads((out / "compare" / "comparison.json").read_text(encoding="utf-8"))
    assert "../../etc" in {o["name"] for o in comparison["outlets"]}  # kept as data, not as a path


def test_dask_partition_names_do_not_come_from_the_data(tmp_path, hostile_corpus):
    pytest.importorskip("distributed", reason="dask[distributed] is not installed")
    from framing.run.dask_engine import _plan, options_key

    parts = list(_plan([str(hostile_corpus)], 5, options_key(None, False), "jsonl"))
    assert parts and all(re.fullmatch(r"part-\d{5}-[0-9a-f]{12}", p.name) for p in parts)


# -- HTML: no external entities, no fetching ---------------------------------------------
class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self):  # noqa: N802
        type(self).requests.append(self.path)
        body = b"<!ENTITY leaked 'FETCHED-OVER-HTTP'>" if self.path.endswith(".dtd") else b"FETCHED-OVER-HTTP"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture()
def server():
    _Recorder.requests = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", _Recorder.requests
    httpd.shutdown()
    httpd.server_close()


def test_html_resolves_no_external_entity_and_fetches_nothing(tmp_path, server):
    pytest.importorskip("trafilatura")
    from framing.io.corpus import html_to_text

    url, requests = server
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-FILE-CONTENT", encoding="utf-8")
    paragraphs = "".join(f"<p>{ARTICLE} Paragraph {i} gives &xxe; &remote; more detail.</p>"
                         for i in range(5))
    page = f"""<?xml version="1.0"?>
<!DOCTYPE html [
  <!ENTITY xxe SYSTEM "file://{secret}">
  <!ENTITY remote SYSTEM "{url}/entity">
  <!ENTITY % dtd SYSTEM "{url}/evil.dtd"> %dtd;
]>
<html xmlns:xi="http://www.w3.org/2001/XInclude"><head><title>Council backs plan</title>
<link rel="stylesheet" href="{url}/style.css"><script src="{url}/script.js"></script>
<meta http-equiv="refresh" content="0; url={url}/refresh">
<base href="{url}/base/"></head>
<body><article><h1>Council backs plan</h1>{paragraphs}
<img src="{url}/img.png"><iframe src="{url}/frame"></iframe><object data="{url}/obj"></object>
<xi:include href="{url}/xinclude" parse="text"/><xi:include href="file://{secret}" parse="text"/>
<svg><image href="{url}/svg.png"/></svg><a href="{url}/link">a link</a>
</article></body></html>"""
    path = tmp_path / "site" / "outlet" / "page.html"
    path.parent.mkdir(parents=True)
    path.write_text(page, encoding="utf-8")
    for data in (page, page.encode("utf-8")):
        text, _, _ = html_to_text(data, str(path))
        assert "approved the harbour plan" in text
        assert "TOP-SECRET" not in text and "FETCHED" not in text and "leaked" not in text
    result = CliRunner().invoke(app, ["analyze", str(tmp_path / "site"), "--quiet", "-j", "1"])
    assert result.exit_code == 0, result.output
    assert "TOP-SECRET" not in result.output and "FETCHED" not in result.output
    assert requests == []
