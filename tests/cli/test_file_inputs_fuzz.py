"""Every command that reads a file ends in a message with a stable code, never a traceback,
and leaves nothing half-written (issue 14, F6): ``validate``, ``import-receipt``, ``staff
import``, ``letter --record`` and ``summary-pdf``, fed missing files, directories, deeply
nested JSON, lone surrogates, binary garbage and (hypothesis) random and mutated inputs.

The commands run in this process through ``desktop.cli.main`` (a subprocess per example
would take minutes); an exception escaping ``main`` is what would print a traceback, and
fails the test. A few cases also run as real subprocesses to see the stderr a user sees.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sjelden_protocol.keys import fingerprint

from desktop.cli import main
from desktop.forms.demo import demo_records
from tests.helpers.cli import run_cli
from tests.sync.inbox_process import InboxProcess, Staff

PASS = "riktig hest batteri stift"
CODE = re.compile(r"\((?:[a-z0-9_]+\.)*[a-z0-9_]+\)")  # "(input.too_deep)", "(bad_file)"
REFUSED = re.compile(r": [a-z0-9_]+: ")  # "batch.sjbt: bad_magic: …", as staff import prints
FUZZ = settings(
    max_examples=25,
    deadline=None,  # one example may open a profile (Argon2id at the test's fast setting)
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)
DEEP = "[" * 100_000 + "]" * 100_000


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _assert_clean_failure(code: int, err: str, allowed: tuple[int, ...] = (1, 2)) -> None:
    assert code in allowed, err
    assert "Traceback" not in err
    assert CODE.search(err), err


def _leftovers(*folders: Path) -> list[Path]:
    return [
        p for folder in folders for p in folder.rglob("*") if p.name.endswith((".part", ".tmp"))
    ]


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "inputs"
    folder.mkdir()
    (folder / "deep.json").write_text(DEEP)
    (folder / "folder").mkdir()
    (folder / "garbage.json").write_bytes(bytes(range(256)) * 8)
    (folder / "surrogate.json").write_text('{"patient": {"family_name": "\\ud800"}}')
    return folder


FIXED = ["missing.json", "folder", "deep.json", "garbage.json"]


# -- validate, letter, summary-pdf ------------------------------------------------------------


@pytest.mark.parametrize("name", [*FIXED, "surrogate.json"])
def test_validate_unreadable_inputs_exit_2(
    capsys: pytest.CaptureFixture[str], inputs: Path, name: str
) -> None:
    code, _, err = _run(capsys, "validate", str(inputs / name))
    _assert_clean_failure(code, err, (2,))
    if name == "surrogate.json":
        assert "(input.not_unicode)" in err


def test_deep_nesting_to_validate_as_a_user_sees_it(inputs: Path) -> None:
    result = run_cli("validate", str(inputs / "deep.json"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "(input.too_deep)" in result.stderr


@pytest.mark.parametrize("name", [*FIXED, "surrogate.json"])
def test_letter_and_summary_inputs(
    capsys: pytest.CaptureFixture[str], inputs: Path, tmp_path: Path, name: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    record = str(inputs / name)
    letter = _run(capsys, "letter", "--record", record, "--html", str(out / "l.html"))
    summary = _run(capsys, "summary-pdf", record, str(out / "s.pdf"))
    for code, _, err in (letter, summary):
        _assert_clean_failure(code, err, (2,))
    assert _leftovers(out) == []


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


def _mutated_record(draw: Any) -> bytes:
    record: dict[str, Any] = next(iter(demo_records(1, draw(st.integers(0, 1000)))))
    path = draw(st.sampled_from(["patient", "diagnoses", "reporter", "information", "form"]))
    record[path] = draw(_json_values)
    text = json.dumps(record, ensure_ascii=draw(st.booleans()))
    if draw(st.booleans()):
        cut = draw(st.integers(0, len(text)))
        text = text[:cut]
    return text.encode("utf-8", "surrogatepass")


_file_bytes = st.one_of(st.binary(max_size=300), st.composite(_mutated_record)())


@FUZZ
@given(data=_file_bytes)
def test_fuzzed_record_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data: bytes
) -> None:
    source = tmp_path / "record.json"
    source.write_bytes(data)
    out = tmp_path / "fuzz-out"
    out.mkdir(exist_ok=True)
    for args in (
        ("validate", str(source)),
        ("letter", "--record", str(source), "--html", str(out / "l.html")),
    ):
        code, _, err = _run(capsys, *args)
        assert "Traceback" not in err
        assert code in (0, 1, 2)
        if code == 2:
            assert CODE.search(err), err
    assert _leftovers(out) == []


# -- import-receipt ------------------------------------------------------------------------------


@pytest.fixture
def enrolled(
    inbox_server: InboxProcess,
    staff: Staff,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> Iterator[None]:
    monkeypatch.setenv("SJELDEN_PASSPHRASE", PASS)
    monkeypatch.setenv("SJELDEN_LANG", "en")
    assert main(["init", "--key-file", "--language", "en"]) == 0
    enrolled = main(
        [
            "enroll",
            "--server",
            inbox_server.url,
            "--code",
            staff.enrollment_code(),
            "--register-key",
            str(staff.register_public_file),
            "--staff-key",
            str(staff.public_key_file),
            "--root-key",
            str(staff.root_public_file),
            "--root-fingerprint",
            fingerprint(staff.root.public_key()),
            "--label",
            "Fuzz PC",
        ]
    )
    capsys.readouterr()
    assert enrolled == 0
    yield


_SURROGATE_RECEIPT = (
    '{"receipt": {"batch_id": "\\ud800", "type": "sjelden.receipt", "version": 1}, '
    '"signature": "AAAA"}'
)


@pytest.mark.parametrize("name", [*FIXED, "surrogate-receipt.json"])
def test_import_receipt_unreadable_inputs(
    enrolled: None, capsys: pytest.CaptureFixture[str], inputs: Path, name: str
) -> None:
    (inputs / "surrogate-receipt.json").write_text(_SURROGATE_RECEIPT)
    code, _, err = _run(capsys, "import-receipt", str(inputs / name))
    _assert_clean_failure(code, err)


_receipt_like = st.builds(
    lambda body, sig: json.dumps({"receipt": body, "signature": sig}, ensure_ascii=True).encode(),
    st.dictionaries(st.text(max_size=10), _json_values, max_size=6),
    st.text(max_size=20),
)


@FUZZ
@given(data=st.one_of(st.binary(max_size=300), _receipt_like))
def test_fuzzed_receipt_files(
    enrolled: None, capsys: pytest.CaptureFixture[str], tmp_path: Path, data: bytes
) -> None:
    source = tmp_path / "receipt.json"
    source.write_bytes(data)
    code, _, err = _run(capsys, "import-receipt", str(source))
    _assert_clean_failure(code, err)


# -- staff import --------------------------------------------------------------------------------


@pytest.fixture
def staff_profile(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> Path:
    monkeypatch.setenv("SJELDEN_PASSPHRASE", PASS)
    monkeypatch.setenv("SJELDEN_LANG", "en")
    letter = tmp_path / "letter"
    assert main(["--profile", "register", "staff", "init", "--key-file", "--out", str(letter)]) == 0
    capsys.readouterr()
    return letter


def _real_batch(letter: Path) -> bytes:
    """A batch from a pinned clinic, sealed to this register: what mutations start from."""
    import uuid

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from sjelden_protocol import build_batch
    from sjelden_protocol.keys import load_public_key

    clinic = Ed25519PrivateKey.generate()
    return build_batch(
        list(demo_records(2, 3)),
        batch_id=str(uuid.uuid4()),
        signer=clinic,
        recipient=load_public_key(letter / "register.pub"),  # type: ignore[arg-type]
    )


@FUZZ
@given(
    data=st.one_of(
        st.binary(max_size=400),
        st.tuples(st.integers(0, 10_000), st.integers(0, 255), st.integers(0, 3)),
    )
)
def test_fuzzed_staff_import_files(
    staff_profile: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path, data: Any
) -> None:
    if isinstance(data, tuple):  # a real batch, one byte changed or cut short
        where, value, how = data
        raw = bytearray(_real_batch(staff_profile))
        where %= len(raw)
        if how == 0:
            raw[where] = value
        elif how == 1:
            del raw[where:]
        else:
            raw[where] ^= 1 << (value % 8)
        data = bytes(raw)
    source = tmp_path / "batch.sjbt"
    source.write_bytes(data)
    code, _, err = _run(capsys, "--profile", "register", "staff", "import", str(source))
    assert code == 1 and "Traceback" not in err and REFUSED.search(err), err


def test_staff_import_missing_file_and_folder(
    staff_profile: Path, capsys: pytest.CaptureFixture[str], inputs: Path
) -> None:
    for name in ("missing.sjbt", "folder", "deep.json"):
        code, _, err = _run(capsys, "--profile", "register", "staff", "import", str(inputs / name))
        assert code == 1 and "Traceback" not in err and REFUSED.search(err), err
