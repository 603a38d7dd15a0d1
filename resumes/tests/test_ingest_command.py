"""``manage.py parse_cv``: one JSON Resume object per file, one per line."""

import json

import pytest
from django.core.management import CommandError, call_command

MARKDOWN_CV = """# Zoe Martin

Frontend Developer · zoe.martin@example.com · [GitHub](https://github.com/zoemartin)

## Experience

### Frontend Developer — Shopify
*Jan 2021 – Present*

- Built the checkout UI in **React**

## Education

**BA in Design**, University of the Arts London, 2016 – 2019

## Skills

- **Frontend:** React, TypeScript, CSS
"""


@pytest.fixture
def cv_files(tmp_path):
    md = tmp_path / "zoe.md"
    md.write_text(MARKDOWN_CV)
    txt = tmp_path / "sam.txt"
    txt.write_text("Sam Ortiz\nsam@example.com\n\nEXPERIENCE\nBarista, Blue Bottle, 2018 – 2020\n")
    return md, txt


def test_one_file_prints_one_json_resume_object(cv_files, capsys):
    call_command("parse_cv", str(cv_files[0]), "--json")
    data = json.loads(capsys.readouterr().out)
    assert data["basics"]["name"] == "Zoe Martin"
    assert data["basics"]["profiles"][0]["username"] == "zoemartin"
    assert data["work"][0]["name"] == "Shopify"
    assert data["work"][0]["position"] == "Frontend Developer"
    assert data["work"][0]["startDate"] == "2021-01"
    assert data["work"][0]["highlights"] == ["Built the checkout UI in React"]
    assert data["education"][0]["institution"] == "University of the Arts London"
    assert data["skills"][0] == {"name": "Frontend", "level": "", "keywords": ["React", "TypeScript", "CSS"]}
    assert "raw_text" not in data  # plain JSON Resume


def test_several_files_print_one_line_each(cv_files, capsys):
    call_command("parse_cv", *map(str, cv_files), "--json")
    lines = capsys.readouterr().out.strip().splitlines()
    assert [json.loads(line)["basics"]["name"] for line in lines] == ["Zoe Martin", "Sam Ortiz"]


def test_unreadable_file_reports_its_error(tmp_path, capsys):
    bad = tmp_path / "photo.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)
    with pytest.raises(CommandError):
        call_command("parse_cv", str(bad), "--json")
    out = json.loads(capsys.readouterr().out)
    assert out["error"]["code"] == "unsupported_file"


def test_missing_file_is_a_command_error(tmp_path):
    with pytest.raises(CommandError):
        call_command("parse_cv", str(tmp_path / "nope.pdf"))
