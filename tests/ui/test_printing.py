"""PDF and print output of letters and summaries (``desktop.ui.printing``), offscreen.

The PDFs are read back with poppler's ``pdftotext``, so the tests see what a reader sees.
"""

from __future__ import annotations

import html
import re
import shutil
import stat
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter

from desktop.forms import letters
from desktop.ui import printing
from tests.forms.conftest import ADULT_ID, TODAY, valid_record

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


def pdf_text(path: Path) -> str:
    """The text of a PDF, ligatures unfolded and whitespace collapsed to single spaces."""
    raw = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True
    ).stdout.decode("utf-8")
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", raw))


def pdf_info(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True)
    return dict(
        (key.strip(), value.strip())
        for key, _, value in (line.partition(":") for line in out.stdout.splitlines())
    )


@pytest.mark.parametrize("variant", letters.LETTER_VARIANTS)
def test_letter_pdf_holds_the_name_and_the_reservation(qapp, tmp_path: Path, variant: str) -> None:
    doc = letters.render_letter(valid_record(), variant, today=TODAY)
    target = tmp_path / doc.file_name
    pages = printing.write_pdf(doc, target)
    assert target.read_bytes().startswith(b"%PDF")
    assert 1 <= pages <= 4
    text = pdf_text(target)
    assert "Prøve Kari Testesen" in text
    assert "Reservasjon mot registrering i Sjeldenregisteret" in text
    assert "Postboks 4956 Nydalen" in text
    assert "0424 OSLO" in text
    assert f"Side 1 av {pages}" in text
    assert f"Side {pages} av {pages}" in text
    assert not list(tmp_path.glob(".*.partial"))


def test_adult_letter_pdf_holds_the_whole_reservation_paragraph(qapp, tmp_path: Path) -> None:
    target = tmp_path / "voksne.pdf"
    printing.write_pdf(letters.render_letter(valid_record(), "voksne", today=TODAY), target)
    text = pdf_text(target)
    assert (
        "Vil du ikke være registrert i Sjeldenregisteret, skriver du under på "
        "reservasjonsslippen på neste side og sender den i posten til Sjeldenregisteret. "
        "Da slettes alle opplysningene om deg i registeret."
    ) in text
    assert "Du trenger ikke å si hvorfor" in text


def test_pdf_metadata_holds_the_title_and_no_personal_data(qapp, tmp_path: Path) -> None:
    doc = letters.render_summary(valid_record(), status="completed", today=TODAY)
    target = tmp_path / "summary.pdf"
    printing.write_pdf(doc, target)
    info = pdf_info(target)
    assert info["Title"] == doc.title
    assert "Testesen" not in info["Title"] and ADULT_ID not in info["Title"]
    assert info["Page size"].startswith("595")  # A4 in points


def test_summary_pdf_holds_labels_values_and_the_footer(qapp, tmp_path: Path) -> None:
    target = tmp_path / "summary.pdf"
    pages = printing.write_pdf(
        letters.render_summary(valid_record(), status="completed", today=TODAY), target
    )
    assert pages <= 2
    text = pdf_text(target)
    for expected in (
        "Registreringssammendrag",
        "Fødselsnummer / D-nummer",
        ADULT_ID,
        "Etternavn Testesen",
        "Kjønn Kvinne",
        "Bostedskommune 0301 – Oslo",
        "ORPHA:586 – Cystisk fibrose",
        "NM_000492.4:c.1521_1523del",
        "Diagnosesikkerhet Bekreftet",
        "Informasjonsskriv Voksne",
        "HPR-nummer 1234567",
        "Status Ferdigstilt",
        "3f2b8c1e-0a4d-4c2e-9b7a-1d2e3f4a5b6c",
        # on every page: a copy for the patient record, with the patient
        "Kopi til pasientjournalen – Testesen, Prøve Kari",
        f"Side 1 av {pages}",
    ):
        assert expected in text, expected
    assert text.count("Kopi til pasientjournalen –") == pages


def test_values_are_printed_as_text_not_markup(qapp, tmp_path: Path) -> None:
    record = valid_record()
    record["patient"]["given_names"] = "<b>Test & Co</b>"
    target = tmp_path / "letter.pdf"
    printing.write_pdf(letters.render_letter(record, "voksne", today=TODAY), target)
    assert "<b>Test & Co</b> Testesen" in pdf_text(target)
    summary = tmp_path / "summary.pdf"
    printing.write_pdf(letters.render_summary(record, today=TODAY), summary)
    assert "<b>Test & Co</b>" in pdf_text(summary)


def test_printing_to_a_printer_goes_through_the_same_pages(qapp, tmp_path: Path) -> None:
    doc = letters.render_letter(valid_record(), "barn_7_11", today=TODAY)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(target))
    printer.setPageLayout(printing.page_layout())
    pages = printing.print_to(printer, doc)
    del printer
    text = pdf_text(target)
    assert "Hei, Prøve Kari!" in text
    assert f"Side {pages} av {pages}" in text


class FakeDialog:
    """Stands in for QPrintDialog: records the printer and answers as told."""

    def __init__(self, answer: int, target: Path) -> None:
        self.answer = answer
        self.target = target
        self.title = ""

    def __call__(self, printer: QPrinter, parent: object) -> FakeDialog:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(self.target))
        self.printer = printer
        return self

    def setWindowTitle(self, title: str) -> None:
        self.title = title

    def exec(self) -> int:
        return self.answer


def test_print_dialog_accepted_prints(qapp, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QDialog

    dialog = FakeDialog(QDialog.DialogCode.Accepted, tmp_path / "out.pdf")
    doc = letters.render_letter(valid_record(), "foresatte", today=TODAY)
    assert printing.print_document(doc, dialog_factory=dialog) is True
    del dialog.printer
    assert "Informasjon til foresatte og pårørende" in pdf_text(tmp_path / "out.pdf")
    assert dialog.title == f"Skriv ut: {doc.title}"


def test_print_dialog_title_in_english(qapp, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QDialog

    from desktop.ui import i18n

    i18n.install("en")  # the autouse fixture puts bokmål back afterwards
    dialog = FakeDialog(QDialog.DialogCode.Rejected, tmp_path / "out.pdf")
    doc = letters.render_letter(valid_record(), "voksne", today=TODAY)
    assert printing.print_document(doc, dialog_factory=dialog) is False
    assert dialog.title == f"Print: {doc.title}"


def test_print_dialog_cancelled_prints_nothing(qapp, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QDialog

    dialog = FakeDialog(QDialog.DialogCode.Rejected, tmp_path / "out.pdf")
    doc = letters.render_letter(valid_record(), "voksne", today=TODAY)
    assert printing.print_document(doc, dialog_factory=dialog) is False
    assert not (tmp_path / "out.pdf").exists()


def test_save_dialog_writes_the_chosen_file(qapp, tmp_path: Path, monkeypatch) -> None:
    chosen = tmp_path / "valgt"
    asked = []

    def fake_save(*args):
        asked.append(args)
        return str(chosen), "PDF (*.pdf)"

    monkeypatch.setattr(printing.QFileDialog, "getSaveFileName", fake_save)
    doc = letters.render_summary(valid_record(), today=TODAY)
    path = printing.save_pdf_dialog(doc, directory=tmp_path)
    assert path == tmp_path / "valgt.pdf"
    _parent, caption, start, file_filter = asked[0]
    assert (caption, file_filter) == ("Lagre som PDF", "PDF-filer (*.pdf)")
    assert start == str(tmp_path / doc.file_name)
    assert path.read_bytes().startswith(b"%PDF")
    monkeypatch.setattr(printing.QFileDialog, "getSaveFileName", lambda *args: ("", ""))
    assert printing.save_pdf_dialog(doc) is None


def test_unwritable_target_fails_cleanly(qapp, tmp_path: Path) -> None:
    doc = letters.render_letter(valid_record(), "voksne", today=TODAY)
    target = tmp_path / "missing-dir" / "letter.pdf"
    with pytest.raises(printing.PrintError, match=r"^PDF-filen kunne ikke skrives: "):
        printing.write_pdf(doc, target)
    assert not target.exists()


# --- the headless commands ------------------------------------------------------------------


def write_record(tmp_path: Path) -> Path:
    import json

    path = tmp_path / "record.json"
    path.write_text(json.dumps(valid_record(), ensure_ascii=False), encoding="utf-8")
    return path


def test_cli_letter_pdf(qapp, tmp_path: Path, capsys) -> None:
    from desktop.cli import main

    out = tmp_path / "brev.pdf"
    record = write_record(tmp_path)
    assert (
        main(["letter", "--record", str(record), "--variant", "barn_12_16", "--pdf", str(out)]) == 0
    )
    text = pdf_text(out)
    assert "Til deg som er registrert i Sjeldenregisteret" in text
    assert "Prøve Kari Testesen" in text
    captured = capsys.readouterr()
    assert "Testesen" not in captured.out + captured.err


def test_cli_letter_html_and_default_variant(tmp_path: Path) -> None:
    from desktop.cli import main

    out = tmp_path / "brev.html"
    assert main(["letter", "--record", str(write_record(tmp_path)), "--html", str(out)]) == 0
    assert "Du er registrert i Sjeldenregisteret" in out.read_text(encoding="utf-8")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600  # patient data in clear: owner only


def test_a_saved_pdf_is_owner_only_and_replaces_atomically(qapp, tmp_path: Path) -> None:
    doc = letters.render_letter(valid_record(), "voksne", today=TODAY)
    folder = tmp_path / "chosen"
    folder.mkdir()
    target = folder / "brev.pdf"
    target.write_bytes(b"an older file")
    target.chmod(0o644)
    printing.write_pdf(doc, target)
    assert target.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [path.name for path in folder.iterdir()] == ["brev.pdf"]  # no temporary left


def test_an_unwritable_folder_is_a_clear_error(qapp, tmp_path: Path) -> None:
    doc = letters.render_letter(valid_record(), "voksne", today=TODAY)
    with pytest.raises(printing.PrintError, match="no-such-folder"):
        printing.write_pdf(doc, tmp_path / "no-such-folder" / "brev.pdf")


def test_cli_summary_pdf(qapp, tmp_path: Path) -> None:
    from desktop.cli import main

    out = tmp_path / "sammendrag.pdf"
    assert main(["summary-pdf", str(write_record(tmp_path)), str(out), "--status", "sent"]) == 0
    text = pdf_text(out)
    assert "Status Sendt" in text
    assert "ORPHA:586 – Cystisk fibrose" in text


def test_cli_unreadable_record(tmp_path: Path, capsys) -> None:
    from desktop.cli import main

    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["summary-pdf", str(bad), str(tmp_path / "x.pdf")]) == 2
    assert main(["letter", "--record", str(tmp_path / "nope.json"), "--html", "x.html"]) == 2
    assert "Traceback" not in capsys.readouterr().err


# --- the envelope window (issue 16 point 7) -------------------------------------------------

MM = 72 / 25.4  # PDF points per millimetre
# DIN 5008 form B / Posten: 20 mm from the left edge, 45-90 mm from the top, 85 mm wide.
WINDOW_PT = (20 * MM, 45 * MM, 105 * MM, 90 * MM)


@dataclass(frozen=True)
class Word:
    text: str
    page: int
    x0: float
    y0: float
    x1: float
    y1: float

    def inside(self, box: tuple[float, float, float, float]) -> bool:
        left, top, right, bottom = box
        return left <= self.x0 and self.x1 <= right and top <= self.y0 and self.y1 <= bottom

    def overlaps(self, box: tuple[float, float, float, float]) -> bool:
        left, top, right, bottom = box
        return self.x0 < right and left < self.x1 and self.y0 < bottom and top < self.y1


_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)


def pdf_words(path: Path) -> list[Word]:
    """Every word of the PDF with its page (1-based) and box in points from the top left."""
    out = subprocess.run(
        ["pdftotext", "-bbox", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True
    ).stdout.decode("utf-8")
    words = []
    for page, chunk in enumerate(out.split("<page ")[1:], start=1):
        for x0, y0, x1, y1, text in _WORD.findall(chunk):
            word = html.unescape(unicodedata.normalize("NFKC", text))
            words.append(Word(word, page, float(x0), float(y0), float(x1), float(y1)))
    return words


def _window_words(path: Path) -> tuple[list[Word], list[Word]]:
    """(words inside the window on page 1, other words of page 1 touching the window)."""
    first = [word for word in pdf_words(path) if word.page == 1]
    inside = [word for word in first if word.inside(WINDOW_PT)]
    stray = [word for word in first if word.overlaps(WINDOW_PT) and not word.inside(WINDOW_PT)]
    return inside, stray


@pytest.mark.parametrize("variant", ["voksne", "barn_12_16", "barn_7_11"])
def test_the_patients_name_and_address_lie_in_the_envelope_window(
    qapp, tmp_path: Path, variant: str
) -> None:
    target = tmp_path / "letter.pdf"
    printing.write_pdf(letters.render_letter(valid_record(), variant, today=TODAY), target)
    inside, stray = _window_words(target)
    assert not stray, "text crosses the window's edge"
    lines = [w.text for w in inside]
    assert " ".join(lines).endswith("Prøve Kari Testesen Testveien 1 0424 OSLO")
    assert " ".join(lines).startswith(letters.RETURN_ADDRESS)
    name = [w for w in inside if w.text == "Testesen"]
    ret = [w for w in inside if w.text == "Nydalen,"]
    assert name and ret and ret[0].y1 <= name[0].y0  # the return line above the name
    assert ret[0].y1 - ret[0].y0 < name[0].y1 - name[0].y0  # in smaller type
    # the window's words are on page 1 only: the other pages carry no address block
    later = [w for w in pdf_words(target) if w.page > 1 and w.inside(WINDOW_PT)]
    assert "Testveien" not in {w.text for w in later}


def test_the_parents_letter_goes_to_the_guardian_at_the_guardians_address(
    qapp, tmp_path: Path
) -> None:
    record = valid_record()
    record["patient"]["guardian"] = {
        "name": "Foresatt Prøvesen",
        "relation": "mor",
        "address": "Prøvegata 2 B\n0150 OSLO",
    }
    target = tmp_path / "foresatte.pdf"
    printing.write_pdf(letters.render_letter(record, "foresatte", today=TODAY), target)
    inside, stray = _window_words(target)
    assert not stray
    text = " ".join(w.text for w in inside)
    assert text.endswith("Foresatt Prøvesen Prøvegata 2 B 0150 OSLO")
    assert "Testveien" not in text  # never the child's address on the parents' envelope


def test_without_an_address_the_window_has_lines_to_write_on(qapp, tmp_path: Path) -> None:
    record = valid_record()
    del record["patient"]["address"]
    target = tmp_path / "letter.pdf"
    printing.write_pdf(letters.render_letter(record, "voksne", today=TODAY), target)
    inside, stray = _window_words(target)
    assert not stray
    texts = [w.text for w in inside]
    assert "Testesen" in texts
    assert texts.count(letters.BLANK) == 2  # street; postal code and place


def test_the_summary_has_no_envelope_window(qapp, tmp_path: Path) -> None:
    doc = letters.render_summary(valid_record(), status="completed", today=TODAY)
    assert doc.window_html == ""
    target = tmp_path / "summary.pdf"
    printing.write_pdf(doc, target)
    first = [w for w in pdf_words(target) if w.page == 1]
    assert min(w.y0 for w in first) < 45 * MM  # the summary starts at the top margin
