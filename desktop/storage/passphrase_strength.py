"""How hard a passphrase is to guess: zxcvbn's estimate, our minimum, and its advice in bokmål.

Counting characters let ``aaaaaaaaaaaa`` and ``passord12345`` through (issue 13). zxcvbn
(Dropbox's estimator, Python port) scores a passphrase 0-4 by how many guesses an attacker
who knows common passwords, names, keyboard rows, repeats, sequences and dates would need;
we require ``MIN_SCORE`` and, as before, ``MIN_LENGTH`` characters.

zxcvbn's feedback is English text (its ``gettext`` domain is not ours). Each text it can give
is mapped here to a stable code of the ``passphrase`` catalogue, which has the bokmål and
English wording; a text a newer zxcvbn adds is simply not shown (the score still counts), and
the general advice stands in when nothing else is left. The passphrase itself never enters a
message: only the score and the codes do.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.messages import Catalogue, Lang, Message

MIN_LENGTH = 12
#: zxcvbn's "safely unguessable" band starts at 3 (about 10^8 guesses and up)
MIN_SCORE = 3
MAX_SCORE = 4
#: zxcvbn refuses longer input; the first 72 characters of a longer passphrase are scored
_ZXCVBN_MAX = 72
#: words an attacker aiming at this app tries first
_APP_WORDS = ("sjelden", "sjeldenregisteret")

PASSPHRASE = Catalogue(
    "passphrase",
    {
        "passphrase.rule": Message(
            "Passordfrasen må ha minst {minimum} tegn og være vanskelig å gjette (styrke "
            "minst {needed} av 4). Noen vanlige ord som ikke hører sammen, er lette å huske "
            "og vanskelige å gjette.",
            "The passphrase needs at least {minimum} characters and must be hard to guess "
            "(strength at least {needed} of 4). A few ordinary words that do not belong "
            "together are easy to remember and hard to guess.",
        ),
        "passphrase.too_short": Message(
            "For kort: bruk minst {minimum} tegn.",
            "Too short: use at least {minimum} characters.",
        ),
        "passphrase.too_guessable": Message(
            "For lett å gjette (styrke {score} av 4, minst {needed} kreves).",
            "Too easy to guess (strength {score} of 4, at least {needed} needed).",
        ),
        "passphrase.use_words": Message(
            "Bruk noen ord, og unngå vanlige uttrykk.",
            "Use a few words, avoid common phrases.",
        ),
        "passphrase.no_symbols_needed": Message(
            "Du trenger ikke symboler, sifre eller store bokstaver.",
            "No need for symbols, digits, or uppercase letters.",
        ),
        "passphrase.add_word": Message(
            "Legg til ett eller to ord til. Uvanlige ord er bedre.",
            "Add another word or two. Uncommon words are better.",
        ),
        "passphrase.keyboard_row": Message(
            "Rette rader på tastaturet er lette å gjette.",
            "Straight rows of keys are easy to guess.",
        ),
        "passphrase.keyboard_short": Message(
            "Korte tastaturmønstre er lette å gjette.",
            "Short keyboard patterns are easy to guess.",
        ),
        "passphrase.keyboard_longer": Message(
            "Bruk et lengre tastaturmønster med flere svinger.",
            "Use a longer keyboard pattern with more turns.",
        ),
        "passphrase.repeat_char": Message(
            "Gjentakelser som «aaa» er lette å gjette.",
            'Repeats like "aaa" are easy to guess.',
        ),
        "passphrase.repeat_group": Message(
            "Gjentakelser som «abcabcabc» er bare litt vanskeligere å gjette enn «abc».",
            'Repeats like "abcabcabc" are only slightly harder to guess than "abc".',
        ),
        "passphrase.avoid_repeats": Message(
            "Unngå gjentatte ord og tegn.",
            "Avoid repeated words and characters.",
        ),
        "passphrase.sequence": Message(
            "Rekkefølger som «abc» eller «6543» er lette å gjette.",
            'Sequences like "abc" or "6543" are easy to guess.',
        ),
        "passphrase.avoid_sequences": Message(
            "Unngå rekkefølger.",
            "Avoid sequences.",
        ),
        "passphrase.recent_year": Message(
            "Årstall fra de siste årene er lette å gjette.",
            "Recent years are easy to guess.",
        ),
        "passphrase.avoid_recent_years": Message(
            "Unngå årstall fra de siste årene.",
            "Avoid recent years.",
        ),
        "passphrase.avoid_own_years": Message(
            "Unngå årstall som har med deg å gjøre.",
            "Avoid years that are associated with you.",
        ),
        "passphrase.dates": Message(
            "Datoer er ofte lette å gjette.",
            "Dates are often easy to guess.",
        ),
        "passphrase.avoid_own_dates": Message(
            "Unngå datoer og årstall som har med deg å gjøre.",
            "Avoid dates and years that are associated with you.",
        ),
        "passphrase.top10": Message(
            "Dette er blant de 10 vanligste passordene.",
            "This is a top-10 common password.",
        ),
        "passphrase.top100": Message(
            "Dette er blant de 100 vanligste passordene.",
            "This is a top-100 common password.",
        ),
        "passphrase.very_common": Message(
            "Dette er et svært vanlig passord.",
            "This is a very common password.",
        ),
        "passphrase.similar_common": Message(
            "Dette ligner på et mye brukt passord.",
            "This is similar to a commonly used password.",
        ),
        "passphrase.single_word": Message(
            "Ett ord alene er lett å gjette.",
            "A word by itself is easy to guess.",
        ),
        "passphrase.names_alone": Message(
            "Navn og etternavn alene er lette å gjette.",
            "Names and surnames by themselves are easy to guess.",
        ),
        "passphrase.common_names": Message(
            "Vanlige navn og etternavn er lette å gjette.",
            "Common names and surnames are easy to guess.",
        ),
        "passphrase.capitalization": Message(
            "Stor forbokstav hjelper lite.",
            "Capitalization doesn't help very much.",
        ),
        "passphrase.all_upper": Message(
            "Bare store bokstaver er nesten like lett å gjette som bare små.",
            "All-uppercase is almost as easy to guess as all-lowercase.",
        ),
        "passphrase.reversed": Message(
            "Ord skrevet baklengs er lite vanskeligere å gjette.",
            "Reversed words aren't much harder to guess.",
        ),
        "passphrase.l33t": Message(
            "Forutsigbare bytter som «@» for «a» hjelper lite.",
            "Predictable substitutions like '@' instead of 'a' don't help very much.",
        ),
    },
    params={
        "minimum": "the minimum number of characters of a passphrase",
        "needed": "the minimum strength score (0-4)",
        "score": "the strength score (0-4) of the passphrase, never the passphrase",
    },
)

#: zxcvbn's English feedback (zxcvbn/feedback.py) → our code; the English texts above are
#: the same words, so the map is checked against the catalogue in the tests
_FEEDBACK_CODES = {
    PASSPHRASE[code].en: code
    for code in PASSPHRASE
    if code not in {"passphrase.rule", "passphrase.too_short", "passphrase.too_guessable"}
}


@dataclass(frozen=True)
class Strength:
    """A passphrase's score and the codes of the advice for it; no passphrase text."""

    score: int
    long_enough: bool
    warning: str | None
    suggestions: tuple[str, ...]

    @property
    def acceptable(self) -> bool:
        return self.long_enough and self.score >= MIN_SCORE

    def advice(self, lang: Lang) -> list[str]:
        """What is wrong and what would help, one sentence each, in ``lang``."""
        lines: list[str] = []
        if not self.long_enough:
            lines.append(PASSPHRASE.text("passphrase.too_short", lang, minimum=MIN_LENGTH))
        elif self.score < MIN_SCORE:
            lines.append(
                PASSPHRASE.text(
                    "passphrase.too_guessable", lang, score=self.score, needed=MIN_SCORE
                )
            )
        codes = ([self.warning] if self.warning else []) + list(self.suggestions)
        if not self.acceptable and not codes:
            codes = ["passphrase.add_word"]
        lines.extend(PASSPHRASE.text(code, lang) for code in codes)
        return lines


def estimate(passphrase: str) -> Strength:
    """zxcvbn's score for ``passphrase`` (0 when it is shorter than ``MIN_LENGTH``)."""
    long_enough = len(passphrase) >= MIN_LENGTH and bool(passphrase.strip())
    if not passphrase:
        return Strength(0, False, None, ())
    # imported here: its word lists cost 20-40 ms, which every unlock-only command skips
    from zxcvbn import zxcvbn  # type: ignore[import-untyped]  # no stubs published

    result = zxcvbn(passphrase[:_ZXCVBN_MAX], user_inputs=list(_APP_WORDS))
    feedback = result["feedback"]
    warning = _FEEDBACK_CODES.get(str(feedback.get("warning") or ""))
    suggestions = tuple(
        code
        for code in (_FEEDBACK_CODES.get(str(text)) for text in feedback.get("suggestions", []))
        if code is not None
    )
    score = int(result["score"]) if long_enough else 0
    return Strength(score, long_enough, warning, suggestions)


def rule(lang: Lang) -> str:
    """The rule, said where a passphrase is chosen (set-up, change, recovery, the CLI)."""
    return PASSPHRASE.text("passphrase.rule", lang, minimum=MIN_LENGTH, needed=MIN_SCORE)
