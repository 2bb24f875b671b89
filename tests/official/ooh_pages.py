"""The bundled OOH pages read the simplest way, for tests: regular expressions over the raw
HTML, independent of official/handbook.py, and copies of the folder with one file changed."""

import gzip
import hashlib
import html
import json
import re
import shutil
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "data" / "ooh-2025"


def files():
    return json.loads((DATA / "manifest.json").read_text())["files"]


def raw(name):
    return gzip.decompress((DATA / name).read_bytes()).decode()


def plain(fragment):
    """Text of an HTML fragment, tags dropped and spaces collapsed."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", fragment))).strip()


def quick_fact(page, inline_id):
    """The Quick Facts cell whose header links to `inline_id` (qf-education, qf-outlook...)."""
    match = re.search(
        rf"inlineId={inline_id}\".*?</th>\s*<td[^>]*>(.*?)</td>", page, flags=re.DOTALL
    )
    return plain(match.group(1))


def projection_rows(page):
    """[title, SOC code, employment 2024, 2034, percent, number] per row of the table."""
    table = re.search(r'id="outlook-table".*?<tbody>(.*?)</tbody>', page, flags=re.DOTALL)
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", table.group(1), flags=re.DOTALL)
    return [
        [plain(cell) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.DOTALL)][:6]
        for row in rows
    ]


def number(text):
    return int(text.replace(",", "").replace("$", ""))


def copy_with(tmp_path, name=None, change=None, gz_bytes=None):
    """A copy of the folder; `change(html) -> html` rewrites one page (its manifest entry
    updated to match) or `gz_bytes(bytes) -> bytes` rewrites its .gz without touching the
    manifest."""
    folder = tmp_path / "ooh"
    shutil.copytree(DATA, folder)
    if name is None:
        return folder
    manifest = json.loads((folder / "manifest.json").read_text())
    entry = next(e for e in manifest["files"] if e["file"] == name)
    if change is not None:
        page = change(raw(name)).encode()
        packed = gzip.compress(page)
        entry["sha256_html"] = hashlib.sha256(page).hexdigest()
        entry["sha256_gz"] = hashlib.sha256(packed).hexdigest()
        (folder / name).write_bytes(packed)
        (folder / "manifest.json").write_text(json.dumps(manifest))
    if gz_bytes is not None:
        (folder / name).write_bytes(gz_bytes((DATA / name).read_bytes()))
    return folder


def reseal(folder, name):
    """Give the manifest the .gz's current SHA-256 (the HTML's stays as it was)."""
    manifest = json.loads((folder / "manifest.json").read_text())
    entry = next(e for e in manifest["files"] if e["file"] == name)
    entry["sha256_gz"] = hashlib.sha256((folder / name).read_bytes()).hexdigest()
    (folder / "manifest.json").write_text(json.dumps(manifest))
