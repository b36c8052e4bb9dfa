"""The benchmark's query set: ~230 mixed queries built deterministically from the generated
corpus, each with the Evidence Desk query text and its nearest SQLite FTS5 equivalent.

FTS5 has no fuzzy search, no relaxed "best match" retry and no field aliases, so fuzzy queries
go to FTS5 as the correctly spelt word and plain-English questions as an OR of their content
words (which is what our search falls back to when not every word matches).
"""

import random
import re

import generate

QUESTION_WORDS = set(generate.FUNCTION_WORDS) | {
    "what", "which", "who", "how", "did", "do", "does", "say", "said", "about", "after", "is",
    "evidence", "reports", "discuss", "changed", "has", "on", "the", "in", "for", "of", "and"}
REGIONS = ("the north", "the midlands", "coastal towns", "london", "wales", "scotland")
QUESTION_TEMPLATES = (
    "what did councils say about {a} {b} after the pandemic",
    "how has {a} changed {b} in {region}",
    "which reports discuss {a} and {b}",
    "what is the impact of {a} on {b}",
    "evidence on {a} for {b} in {region}",
)
FIXED_QUESTION = "what did councils say about skills funding after the pandemic"
# query type -> how many of it
MIX = {"word": 30, "words": 30, "phrase": 25, "prefix": 20, "fuzzy": 15, "author": 15,
       "title": 15, "kind": 10, "year": 10, "not": 20, "question": 30, "typo": 10}


def _fts_phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _fts_all(words: list[str]) -> str:
    return " ".join(_fts_phrase(word) for word in words)


def _misspell(rng: random.Random, word: str) -> str:
    position = rng.randrange(1, len(word) - 1)
    letters = "aeiourstnl"
    if rng.random() < 0.5:  # substitute a letter
        return word[:position] + rng.choice(letters.replace(word[position], "")) + word[position + 1:]
    return word[:position] + word[position + 1:]  # drop one


def _sample_items(seed: int, items: int, count: int) -> list[dict]:
    rng = random.Random(f"query-items:{seed}")
    return [generate.make_item(seed, rng.randrange(items)) for _ in range(count)]


def _phrase_from(rng: random.Random, body: str) -> str:
    paragraphs = [p for p in body.split("\n\n") if not p.startswith("#")]
    sentence = rng.choice(rng.choice(paragraphs).split(". "))
    words = re.findall(r"[A-Za-z]+", sentence)
    length = rng.choice((2, 2, 3))
    start = rng.randrange(max(1, len(words) - length))
    return " ".join(words[start:start + length]).lower()


def build_queries(seed: int, items: int) -> list[dict]:
    """[{"type", "kb", "fts", "where", "params"}], shuffled deterministically."""
    rng = random.Random(f"queries:{seed}")
    words, _ = generate.vocabulary(seed)
    policy = sorted(set(generate.POLICY_WORDS))
    middle = [w for w in words[300:5000] if w not in policy]
    rare = list(words[10_000:30_000])
    pools = generate.theme_pools(seed)
    samples = _sample_items(seed, items, 60)
    out: list[dict] = []

    def add(kind: str, kb: str, fts: str, where: str = "", params: tuple = ()) -> None:
        out.append({"type": kind, "kb": kb, "fts": fts, "where": where, "params": list(params)})

    for _ in range(MIX["word"]):
        word = rng.choice(rng.choice((policy, middle, middle, rare)))
        add("word", word, _fts_phrase(word))
    for _ in range(MIX["words"]):
        pool = pools[rng.choice(sorted(pools))]
        chosen = rng.sample(pool, rng.choice((2, 2, 3)))
        add("words", " ".join(chosen), _fts_all(chosen))
    for _ in range(MIX["phrase"]):
        phrase = _phrase_from(rng, rng.choice(samples)["body"])
        add("phrase", f'"{phrase}"', _fts_phrase(phrase))
    for _ in range(MIX["prefix"]):
        word = rng.choice([w for w in rng.choice((policy, middle)) if len(w) >= 6])
        prefix = word[:rng.randint(4, 5)]
        add("prefix", prefix + "*", _fts_phrase(prefix) + " *")
    for _ in range(MIX["fuzzy"]):
        word = rng.choice([w for w in policy if len(w) >= 6])
        add("fuzzy", _misspell(rng, word) + "~", _fts_phrase(word))
    for _ in range(MIX["typo"]):  # a misspelt word without ~: the "did you mean" path
        first, second = rng.sample([w for w in policy if len(w) >= 6], 2)
        words_typed = [_misspell(rng, first), second]
        add("typo", " ".join(words_typed), _fts_all(words_typed))
    for _ in range(MIX["author"]):
        name = rng.choice(rng.choice(samples)["authors"])
        if rng.random() < 0.5:
            surname = name.split()[-1]
            add("author", f"author:{surname}", f"authors : {_fts_phrase(surname)}")
        else:
            add("author", f'author:"{name}"', f"authors : {_fts_phrase(name)}")
    for _ in range(MIX["title"]):
        title_words = [w for w in rng.choice(samples)["title"].lower().split()
                       if w not in QUESTION_WORDS]
        word = rng.choice(title_words)
        add("title", f"title:{word}", f"title : {_fts_phrase(word)}")
    for _ in range(MIX["kind"]):
        kind, word = rng.choice(generate.KINDS), rng.choice(policy)
        add("kind", f"kind:{kind} {word}", _fts_phrase(word), "kind = ?", (kind,))
    for number in range(MIX["year"]):
        word = rng.choice(policy)
        low = rng.randint(2010, 2024)
        high = low if number % 2 else min(2025, low + rng.randint(1, 4))
        text = f"year:{low} {word}" if low == high else f"year:{low}..{high} {word}"
        add("year", text, _fts_phrase(word), "year BETWEEN ? AND ?", (low, high))
    for number in range(MIX["not"]):
        pool = pools[rng.choice(sorted(pools))]
        first, second, third = rng.sample(pool, 3)
        if number % 3 == 0:
            add("not", f"{first} NOT {second}", f"{_fts_phrase(first)} NOT {_fts_phrase(second)}")
        elif number % 3 == 1:
            add("not", f"{first} -{second}", f"{_fts_phrase(first)} NOT {_fts_phrase(second)}")
        else:
            add("not", f"{first} NOT ({second} OR {third})",
                f"{_fts_phrase(first)} NOT ({_fts_phrase(second)} OR {_fts_phrase(third)})")
    questions = [FIXED_QUESTION]
    while len(questions) < MIX["question"]:
        pool = pools[rng.choice(sorted(pools))]
        a, b = rng.sample([w for w in pool if w in generate.POLICY_WORDS] or list(pool), 2)
        template = rng.choice(QUESTION_TEMPLATES)
        questions.append(template.format(a=a, b=b, region=rng.choice(REGIONS)))
    for question in questions:
        content = [w for w in question.split() if w not in QUESTION_WORDS]
        add("question", question, " OR ".join(_fts_phrase(w) for w in content))
    rng.shuffle(out)
    return out


if __name__ == "__main__":
    import json
    import sys

    for query in build_queries(7, int(sys.argv[1]) if len(sys.argv) > 1 else 2000):
        print(json.dumps(query))
