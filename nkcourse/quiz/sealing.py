"""Keep answers out of plain sight in the banks shipped to students.

The prompt, the option texts, the kind, the unit and the points stay readable; everything
that gives an answer away (which options are right, the values, the accepted words, every
feedback, the explanation and its sources) is sealed: JSON, XOR-ed with a SHA-256
keystream salted per question, then base64. This stops a glance at the file, not a
determined reader: the key is this module. Quizzes are for self-checking.
"""

import base64
import hashlib
import json

from nkcourse.quiz.schema import BankError

FORMAT = "nkcourse-quiz-bank"
VERSION = 1
PUBLIC_FIELDS = ("id", "kind", "prompt", "points", "unit")


def _keystream(salt: str, length: int) -> bytes:
    blocks, counter = [], 0
    while 32 * len(blocks) < length:
        blocks.append(hashlib.sha256(f"{salt}:{counter}".encode()).digest())
        counter += 1
    return b"".join(blocks)[:length]


def seal(obj, salt: str) -> str:
    data = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    mixed = bytes(a ^ b for a, b in zip(data, _keystream(salt, len(data)), strict=True))
    return base64.b64encode(mixed).decode("ascii")


def unseal(blob: str, salt: str):
    mixed = base64.b64decode(blob.encode("ascii"), validate=True)
    data = bytes(a ^ b for a, b in zip(mixed, _keystream(salt, len(mixed)), strict=True))
    return json.loads(data.decode("utf-8"))


def _salt(lesson: str, question: dict) -> str:
    """Derived from the question itself, so rebuilding a bank gives the same bytes."""
    seed = f"{lesson}/{question['id']}/{question['prompt']}"
    return hashlib.sha256(seed.encode()).hexdigest()[:16]


def seal_bank(plain: dict) -> dict:
    """The shipped form of a plain bank; the plain bank must already be valid."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "lesson": plain["lesson"],
        "title": plain["title"],
        "questions": [_seal_question(plain["lesson"], question) for question in plain["questions"]],
    }


def _seal_question(lesson: str, question: dict) -> dict:
    public = {field: question[field] for field in PUBLIC_FIELDS if field in question}
    hidden = {field: value for field, value in question.items() if field not in PUBLIC_FIELDS}
    if "options" in question:
        public["options"] = [option["text"] for option in question["options"]]
        hidden["options"] = [
            {field: value for field, value in option.items() if field != "text"}
            for option in question["options"]
        ]
    salt = _salt(lesson, question)
    return {**public, "salt": salt, "sealed": seal(hidden, salt)}


def unseal_bank(shipped, source: str) -> dict:
    """The plain bank back from its shipped form, for ``schema.parse_bank`` to check."""
    damaged = (
        f"{source} is damaged or not a quiz bank. Restore the shipped copy "
        "(`git checkout -- <file>` in a clone of the course, or reinstall nkcourse); "
        "authors rebuild it with tools/build_quiz_banks.py."
    )
    if not (
        isinstance(shipped, dict)
        and shipped.get("format") == FORMAT
        and shipped.get("version") == VERSION
        and isinstance(shipped.get("questions"), list)
    ):
        raise BankError(damaged)
    questions = []
    for question in shipped["questions"]:
        try:
            hidden = unseal(question["sealed"], question["salt"])
            plain = {k: v for k, v in question.items() if k not in ("salt", "sealed")}
            if "options" in plain:
                plain["options"] = [
                    {"text": text, **extra}
                    for text, extra in zip(plain["options"], hidden.pop("options"), strict=True)
                ]
            questions.append({**plain, **hidden})
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            where = question.get("id", "?") if isinstance(question, dict) else "?"
            raise BankError(f"{damaged} (question {where}: {error})") from None
    return {"lesson": shipped.get("lesson"), "title": shipped.get("title"), "questions": questions}
