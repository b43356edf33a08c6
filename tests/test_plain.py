"""The plain mode (`zelftest --eenvoudig`) through a real pipe, as a script or screen reader uses it.

Written for the ear: the verdict first, details on request, every answer read back, no
decoration, `hulp` about this question only, and no silent "none" on an empty Enter.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from typing import Any

import pytest
from conftest import SHIPPED, TODAY, answers

from zelftest.core.bank.loader import load_bank
from zelftest.core.engine import Session
from zelftest.core.report import environment
from zelftest.core.result import evaluate
from zelftest.plain import uses_term
from zelftest.plain_result import parts
from zelftest.plain_text import LISTEN_MINUTES, next_step

# A full walk: needs, work, residence, no history (see vragen/vragenlijst.yaml for the order).
# Under the 2025 rules (valid on 2026-11-26) "20" is years of work and the last "nee" is "never
# had a cheque"; under loopbaancheques-2013 the same lines are 20 months and "no guidance in 6 years".
COMPLETE = ["2 7", "1", "nee", "1", "1", "1", "1", "nee", "1", "20", "1", "nee"]
COMPLETE_ANSWERS = answers(jaren_gewerkt=20)
# Dismissed (not for serious cause), notice under 30 weeks, 45 or older, 1 year of service, Brussels.
DISMISSED = ["2 7", "3", "nee", "2", "1", "1", "nee", "1", "1", "1", "1", "nee", "1", "20", "2", "1", "nee"]
ESCAPE = re.compile(r"\x1b|\x9b|\x07")
MORE = "Wil je meer weten? Typ meer. Typ klaar om te stoppen."
# Capitals a listener may hear as letters or a word: abbreviations, never emphasis.
ACRONYMS = {"VDAB", "POP", "EER", "EU"}


def run(
    lines: list[str], *extra: str, env: dict[str, str] | None = None, raw: bytes | None = None
) -> subprocess.CompletedProcess[str]:
    data = raw if raw is not None else ("\n".join(lines) + "\n").encode()
    proc = subprocess.run(
        [sys.executable, "-m", "zelftest", "--eenvoudig", "--datum", "2026-11-26", *extra],
        input=data,
        capture_output=True,
        timeout=60,
        env={**os.environ, **(env or {})},
    )
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode(), proc.stderr.decode())


def until_more(text: str) -> str:
    """Everything said from the start to the end of the first result block."""
    head, sep, _ = text.partition(MORE)
    assert sep, "the result block never ends with the question whether you want more"
    return head + sep


BANK = load_bank(SHIPPED)


def expected(**changes: Any) -> dict[str, Any]:
    return evaluate(BANK, answers(jaren_gewerkt=20, **changes), TODAY)


def test_complete_run_gives_the_verdict_then_the_summary_on_request() -> None:
    proc = run([*COMPLETE, "alles"])
    assert proc.returncode == 0, proc.stderr
    assert "Vraag 1 van ongeveer" in proc.stdout
    assert "Heb je recht op loopbaancheques?" in proc.stdout
    assert "Waarschijnlijk wel: je kan één loopbaancheque krijgen." in proc.stdout
    assert "Hoeveel jaar heb je in totaal gewerkt" in proc.stdout
    assert "Hoeveel maanden werkte je" not in proc.stdout
    assert "De test rekent met de loopbaancheques van 1 november 2025 tot 31 december 2026." in proc.stdout
    assert proc.stdout.rstrip().endswith("Dat was alles. Tot ziens.")
    assert "Traceback" not in proc.stderr


def test_the_verdict_comes_first_in_at_most_five_lines() -> None:
    result = expected()
    proc = run(COMPLETE)
    assert proc.returncode == 0, proc.stderr
    block = until_more(proc.stdout).rstrip().split("\n\n")[-1].splitlines()
    assert block[-1] == MORE
    verdict = block[:-1]
    assert len(verdict) <= 5, verdict
    assert not any(line.startswith(("Vraag", "Je koos")) for line in verdict)
    assert verdict[1] == result["recht"]["kop"]  # after "Klaar.", the right comes first
    assert result["geschiktheid"]["tekst"] in verdict
    step = next_step(result)
    assert step and f"Wat nu? {step}" in verdict
    assert "geen beslissing van VDAB" in verdict[-1]
    # The details wait until asked: no headings, no reasons, no recap of the answers.
    assert "Je antwoorden" not in proc.stdout and "Waarom:" not in proc.stdout


def test_next_step_prefers_the_result_wat_nu_line() -> None:
    result = expected()
    assert next_step({**result, "wat_nu": "Bel je loopbaancentrum."}) == "Bel je loopbaancentrum."
    assert next_step({**result, "wat_nu": {"tekst": "Bel eerst."}}) == "Bel eerst."
    without = {k: v for k, v in result.items() if k != "wat_nu"}
    assert next_step(without) == result["volgende_stappen"][0]["tekst"]
    assert next_step({**without, "volgende_stappen": []}) is None


def test_a_full_walk_to_the_verdict_is_at_most_900_words() -> None:
    proc = run(COMPLETE)
    assert proc.returncode == 0, proc.stderr
    words = len(until_more(proc.stdout).split())
    assert words <= 900, words  # 1,542 words before the summary was put on request


# espeak-ng nl at its default speed said 1,560 words of plain mode in 605 s (findings,
# begeleider-eenvoudig-beoordeel.md §11): 155 words a minute with its pauses.
WORDS_PER_MINUTE = 155
SECONDS_PER_ANSWER = 5


@pytest.mark.parametrize("walk", [COMPLETE, DISMISSED], ids=["typisch", "ontslag"])
def test_the_welcome_says_honestly_how_long_it_takes(walk: list[str]) -> None:
    proc = run(walk)
    assert proc.returncode == 0, proc.stderr
    low, high = LISTEN_MINUTES
    assert f"Met voorlezen duurt het {low} tot {high} minuten." in proc.stdout.split("Vraag 1 van", 1)[0]
    minutes = len(until_more(proc.stdout).split()) / WORDS_PER_MINUTE + len(walk) * SECONDS_PER_ANSWER / 60
    assert low <= round(minutes) <= high, minutes


def test_meer_reads_one_part_and_names_the_next_klaar_stops() -> None:
    proc = run([*COMPLETE, "meer", "klaar", "meer"])
    assert proc.returncode == 0, proc.stderr
    after = proc.stdout.split(MORE, 1)[1]
    assert "Past loopbaanbegeleiding bij jou?" in after  # the first part
    assert "Volgende deel: Heb je recht op loopbaancheques? Typ meer of klaar." in after
    assert "\nHeb je recht op loopbaancheques?\n" not in after  # klaar: the second part is not read
    assert "Dat was alles" not in after
    assert after.rstrip().endswith("Tot ziens. We hebben niets bewaard.")


def test_the_end_of_input_after_the_verdict_is_a_normal_end() -> None:
    proc = run(COMPLETE)
    assert proc.returncode == 0
    assert "De invoer is gestopt" not in proc.stdout


@pytest.mark.parametrize("walk", [COMPLETE, DISMISSED], ids=["typisch", "ontslag"])
def test_nothing_is_said_that_only_the_eye_understands(walk: list[str]) -> None:
    proc = run([*walk, "hulp", "woorden", "alles"])
    assert proc.returncode == 0, proc.stderr
    text = proc.stdout
    assert "Dat was alles" in text  # the whole summary was said
    for decoration in ("===", "---", "- :", "**", "§", "|", "#", "`"):
        assert decoration not in text, decoration
    assert not [line for line in text.splitlines() if line.lstrip().startswith(("- ", "* ", "• "))]
    capitals = set(re.findall(r"\b[A-ZÀ-Þ]{2,}\b", text)) - ACRONYMS
    assert not {w for w in capitals if len(w) >= 4}, capitals
    assert "Is loopbaanbegeleiding iets voor mij? Je samenvatting" not in text  # no title read out


def test_a_table_row_is_one_sentence_without_an_empty_heading() -> None:
    proc = run([*DISMISSED, "alles"])
    assert proc.returncode == 0, proc.stderr
    summary = proc.stdout.split(MORE, 1)[1]
    row = "Wie start? Loopbaanbegeleiding: Jij, terwijl je werkt. Outplacement: Je werkgever, na een ontslag."
    assert row in summary


def test_every_answer_is_read_back() -> None:
    proc = run(COMPLETE)
    assert proc.returncode == 0
    read_back = [line for line in proc.stdout.splitlines() if line.startswith("Je koos: ")]
    assert len(read_back) == len(COMPLETE)
    assert read_back[0] == (
        "Je koos: Ik twijfel over mijn werk; Ik wil weten welke keuzes ik best maak in mijn loopbaan."
    )
    assert "Je koos: 20 jaar." in read_back
    assert "Je koos: In Vlaanderen." in read_back
    # The first read-back says once how to correct an answer.
    assert proc.stdout.count("Klopt dat niet? Typ terug.") == 1
    # A read-back comes right after the answer, before the next question.
    before_q2 = proc.stdout.split("Vraag 2 van", 1)[0]
    assert before_q2.rstrip().endswith("Klopt dat niet? Typ terug.")


def test_choosing_none_on_purpose_is_read_back() -> None:
    proc = run(["geen", *COMPLETE[1:]])
    assert proc.returncode == 0, proc.stderr
    assert "Je koos: geen enkele." in proc.stdout


@pytest.mark.parametrize("empty", [b"\n", b"\xff\xfe\n", b"\r\n", b"   \n"], ids=["enter", "bytes", "crlf", "spaces"])
def test_an_empty_or_unreadable_line_on_the_multi_choice_is_not_none(empty: bytes) -> None:
    proc = run([], raw=empty + ("\n".join(COMPLETE) + "\n").encode())
    assert proc.returncode == 0, proc.stderr
    first = proc.stdout.split("Vraag 2 van", 1)[0]
    message = "Ik kon niet lezen wat je typte." if empty == b"\xff\xfe\n" else "Je typte niets."
    assert message in first
    assert "Typ 0 of geen." in first or "Ik kon niet lezen" in first
    assert first.count("Welke zinnen passen bij jou?") == 2  # asked again
    # The answer that followed counts: nothing was silently taken as "none".
    assert first.count("Je koos: Ik twijfel over mijn werk; Ik wil weten welke keuzes") == 1
    assert "Je koos: geen" not in proc.stdout


def test_wrong_answer_prints_error_and_asks_again() -> None:
    lines = COMPLETE[:8] + ["werkloos", "1"] + COMPLETE[9:]
    proc = run(lines)
    assert proc.returncode == 0
    assert "Fout: Kies een nummer van 1 tot 4." in proc.stdout
    after_error = proc.stdout.split("Fout: Kies een nummer van 1 tot 4.", 1)[1]
    assert after_error.lstrip("\n").splitlines()[1] == "Wat doe je nu?"  # the same question, asked again
    assert "Hoeveel jaar heb je in totaal gewerkt" in after_error  # and the walk goes on after the right answer


def test_back_goes_to_the_previous_question() -> None:
    lines = ["2 7", "terug", "1 2", *COMPLETE[1:]]
    proc = run(lines)
    assert proc.returncode == 0
    assert "Je vorige antwoord: Ik twijfel over mijn werk" in proc.stdout
    corrected = "Je koos: Ik voel me gestresseerd, moe of overspannen door mijn werk; Ik twijfel over mijn werk."
    assert corrected in proc.stdout.split("Je vorige antwoord", 1)[1]


def test_end_of_input_half_way_stops_cleanly_with_exit_1() -> None:
    proc = run(COMPLETE[:4])
    assert proc.returncode == 1
    assert "De invoer is gestopt voor de test klaar was." in proc.stdout
    assert "Traceback" not in proc.stderr


def said(text: Any) -> str:
    """A bank text as plain mode says it on TODAY's rules."""
    return Session(BANK, TODAY).text(text)


def term_line(term: str) -> str:
    entry = next(t for t in BANK.glossary if t.term == term)
    return f"{term}: {said(entry.explanation)}"


def test_hulp_helps_with_this_question_and_asks_it_again() -> None:
    question = BANK.question("ander_traject")
    assert question.help is not None
    proc = run(["2 7", "1", "hulp", "stop"])
    assert proc.returncode == 1
    assert "Je bent gestopt." in proc.stdout
    after = proc.stdout.split("Je koos: Ik wil het zelf.", 1)[1].split("Je bent gestopt.", 1)[0]
    help_part = after.split("Typ een nummer.", 1)[1]
    # Its own help text and the words it uses ...
    assert said(question.help) in help_part
    assert term_line("outplacement") in help_part
    # ... not the whole glossary ...
    listed = [t.term for t in BANK.glossary if f"\n{t.term}: " in help_part]
    assert "outplacement" in listed and len(listed) < len(BANK.glossary) / 2, listed
    assert "\nEER: " not in help_part and "\nuitzendkracht: " not in help_part
    assert "Typ woorden voor alle moeilijke woorden." in help_part
    # ... and then the same question again, with its options.
    again = help_part.split("Typ woorden voor alle moeilijke woorden.", 1)[1]
    assert "Vraag 3 van ongeveer" in again
    assert said(question.text) in again and "  2. Nee." in again


def test_hulp_without_a_help_text_says_so_and_woorden_lists_the_glossary() -> None:
    assert BANK.question("aanleiding").help is None
    proc = run(["2 7", "hulp", "woorden", "stop"])
    assert proc.returncode == 1
    after = proc.stdout.split("Je koos: Ik twijfel", 1)[1]
    assert "Bij deze vraag is er geen extra uitleg." in after
    assert term_line("loopbaanbegeleiding") in after  # the word in the question
    words = after.split("Moeilijke woorden:\n", 1)[1]
    assert all(term_line(t.term) in words for t in BANK.glossary)
    assert "Waarom denk je nu aan loopbaanbegeleiding?" in words  # the question again after the list


def test_forced_2013_rules_ask_months_and_give_8_hours_with_a_warning() -> None:
    proc = run([*COMPLETE, "alles"], "--regelset", "loopbaancheques-2013")
    assert proc.returncode == 0, proc.stderr
    rules_2013 = next(r for r in BANK.rule_sets if r.id == "loopbaancheques-2013")
    assert Session(BANK, TODAY, rules_2013).text(BANK.question("maanden_gewerkt").text) in proc.stdout
    verdict = until_more(proc.stdout).rstrip().split("\n\n")[-1]
    # The verdict itself says it used other rules than today's.
    assert "Let op: de test rekende met de loopbaancheques van 1 juli 2013" in verdict
    assert "Op 26 november 2026 gelden andere regels." in verdict
    assert "recht op 8 uur" in verdict
    assert "Traceback" not in proc.stderr


def test_output_has_no_escape_sequences_even_with_term_dumb_or_no_color() -> None:
    for env in ({"TERM": "dumb"}, {"NO_COLOR": "1"}, {"TERM": "xterm-256color"}):
        proc = run([*COMPLETE, "alles"], env=env)
        assert proc.returncode == 0
        assert not ESCAPE.search(proc.stdout), env


@pytest.mark.parametrize(
    "junk", [b"\x1b[31mrood\x07\n", b"\xff\xfe\xfd\n", b"[bold]x[/bold]\n", b"a" * 100_000 + b"\n"]
)
def test_junk_input_never_crashes_and_changes_nothing(junk: bytes) -> None:
    rest = ("\n".join(COMPLETE) + "\n").encode()
    proc = run([], raw=junk + rest)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert not ESCAPE.search(proc.stdout)
    # The junk was refused, so the real answers still land on their own questions.
    assert len([line for line in proc.stdout.splitlines() if line.startswith("Je koos: ")]) == len(COMPLETE)
    assert "Je koos: In Vlaanderen." in proc.stdout


def test_the_ear_format_says_a_table_row_as_one_sentence_and_marks_headings() -> None:
    f = environment(False).get_template("fmt_oor.j2").module
    row = str(f.tabel(["", "Loopbaanbegeleiding", "Outplacement"], [["Wie start?", "Jij", "Je werkgever"]]))
    assert row.strip() == "Wie start? Loopbaanbegeleiding: Jij. Outplacement: Je werkgever."
    assert str(f.lijst(["Doel", "Klaar?"])).split() == ["Doel.", "Klaar?"]  # a pause after every line
    assert str(f.kop("Je privacy")).startswith(str(f.KOP)) and str(f.kop("Titel", 1)).startswith(str(f.TITEL))
    long = (
        "Je periode van 6 jaar begon op 10 januari 2999. Je nieuwe recht start op 10 januari 3005, dus wacht nog even."
    )
    assert str(f.alinea(long)).strip() == long  # never wrapped: a date stays on one line


def test_the_lines_under_the_title_that_the_verdict_gave_are_not_said_twice() -> None:
    result = expected()
    verdict = ["Gemaakt op 26 november 2026. Dit is een indicatie. Het is geen beslissing van VDAB."]
    assert verdict[0] in parts(result)[0].lead
    assert verdict[0] not in parts(result, said=verdict)[0].lead


def test_hulp_finds_the_glossary_words_a_question_uses() -> None:
    assert uses_term("Bestel je loopbaancheques.", "loopbaancheque")  # also the plural
    assert uses_term("Loopbaanbegeleiding staat op zichzelf.", "loopbaanbegeleiding")
    assert uses_term("In een land van de EER.", "EER")
    assert not uses_term("Wanneer was het eerste gesprek?", "EER")  # capitals: only as written
    assert not uses_term("De balans van mijn loopbaan.", "Mijn Loopbaan")
    assert not uses_term("Je nazorgplan.", "nazorg")  # a whole word, not a part


def test_terug_after_the_verdict_changes_the_last_answer_and_gives_a_new_verdict() -> None:
    proc = run([*COMPLETE[:-1], "nee", "terug", "nee", "klaar"])
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.count("Klaar. Dit is je resultaat.") == 2
    again = proc.stdout.split(MORE, 1)[1]
    assert "Je vorige antwoord: Nee." in again  # the last question, asked again
    assert again.rstrip().endswith("Tot ziens. We hebben niets bewaard.")


def test_a_free_question_mid_walk_is_answered_and_every_answer_kept() -> None:
    """Issue 12: a question typed instead of an answer gets the bot's answer and its source,
    then the open question again; `vraag …` asks the bot directly; the walk ends as before."""
    lines = [*COMPLETE[:2], "wat kost dat?", "vraag mag mijn baas dat weten", *COMPLETE[2:]]
    proc = run(lines)
    assert proc.returncode == 0, proc.stderr
    said = until_more(proc.stdout)
    assert said.count("Nu volgt de vraag opnieuw.") >= 2
    assert "Bron: " in said
    assert "Je werkgever hoeft niets te weten." in said
    # The answers before and after the questions all count: the verdict is the usual one.
    assert until_more(run(COMPLETE).stdout).rsplit("Klaar.", 1)[1] == said.rsplit("Klaar.", 1)[1]


def test_the_bot_says_when_it_does_not_know_and_junk_is_still_a_wrong_answer() -> None:
    proc = run([*COMPLETE[:2], "hoeveel verdient een loodgieter?", "blabla", *COMPLETE[2:]])
    assert proc.returncode == 0, proc.stderr
    assert "Dat weet ik niet." in proc.stdout and "0800 30 700" in proc.stdout
    # "blabla" is no question and matches nothing: the question's own error, not the bot.
    assert "Fout: Typ ja of nee." in proc.stdout


def test_the_session_keeps_the_free_questions_for_the_counsellor_and_forgets_them_on_reset() -> None:
    session = Session(load_bank(SHIPPED), TODAY)
    reply = session.ask_bot("wat kost dat?")
    assert reply is not None and reply.id == "kosten"
    assert session.ask_bot("blabla") is None
    assert [r.vraag for r in session.asked] == ["wat kost dat?"]
    session.reset()
    assert session.asked == []
