"""A deterministic generator of a realistic library: Markdown files with YAML front matter.

Text is English-like: real function words at the top of a Zipf-distributed vocabulary
(exponent 1.1) of ~30k words, a few hundred real policy words spread through it, pseudo-words
for the rest, and per-document themes that make some words "bursty". Item `i` depends only on
(seed, i), so any item can be regenerated alone (the benchmark uses that to build queries).

    python bench/generate.py --items 20000 --out /tmp/corpus [--seed 7]
"""

import argparse
import itertools
import json
import math
import multiprocessing
import random
import sys
import time
from functools import lru_cache
from pathlib import Path

VOCABULARY_SIZE = 30_000
ZIPF_EXPONENT = 1.1
KINDS = ("article", "report", "web_page", "note", "transcript")
KIND_WEIGHTS = (30, 20, 25, 15, 10)
# log-normal body lengths in words per kind: (median, sigma); clipped to 100..20,000
KIND_LENGTHS = {"article": (1100, 0.6), "report": (2600, 0.8), "web_page": (800, 0.6),
                "note": (200, 0.5), "transcript": (1500, 0.5)}
MIN_WORDS, MAX_WORDS = 100, 20_000
THEME_SHARE = 0.12  # share of a body's words drawn from its themes' word pools
FILES_PER_FOLDER = 1000


def _words(text: str) -> list[str]:
    return text.split()


FUNCTION_WORDS = _words("""the of and to a in that is for it as was with be by on not he this are or his
from at which but have an they you were her she there been one all we their has would when if so
no will more can its who about also other into only some could than them these then may such what
over after most even those time made should much any many where between through both each under
did while same our years during against before must very without within new first two said
however well because three year people being since here still way while make like back own""")

POLICY_WORDS = _words("""levelling devolution skills council councils funding apprenticeship
apprenticeships mayor mayors pandemic infrastructure organisation organisations programme
programmes centre centres local government authority authorities housing transport economy
economic growth productivity investment regional region regions city cities town towns community
communities employment unemployment employer employers training education school schools college
colleges university universities health social care services service public private sector
policy policies budget budgets spending treasury department minister ministers parliament
election strategy plan plans review evidence report data analysis research outcomes outcome
impact delivery partnership partnerships business businesses enterprise innovation digital
broadband rail bus buses road roads energy climate zero carbon emissions planning development
regeneration street retail tourism culture heritage deprivation inequality poverty wages income
tax taxes fiscal grant grants fund funds allocation capacity workforce recruitment retention
youth young older adults children families welfare benefits credit childcare nursery hospital
hospitals police crime justice prison safety flood resilience recovery lockdown covid vaccine
furlough inflation cost living crisis rent tenants landlords homelessness affordable homes land
brownfield combined metro county district borough ward neighbourhood neighbourhoods residents
stakeholders consultation accountability governance scrutiny audit finance deficit debt
borrowing reserves insolvency commissioners procurement contract contracts outsourcing levy
qualifications further higher learners adult providers curriculum teachers attainment
disadvantage pupils mission missions paper bill act legislation regulation regulator inspection
standards performance targets indicators metrics evaluation pilot pilots scheme schemes initiative
initiatives reform reforms centralisation decentralisation powers deal deals settlement
settlements multiyear formula baseline uplift cuts austerity demand pressures shortfall
sustainability viability stability volatility transparency engagement participation trust
wellbeing mental disability inclusion diversity equality migration population demographic ageing
rural coastal urban northern southern midlands london scotland wales england industrial
manufacturing logistics ports freight aviation cycling walking parking congestion commuting
connectivity mobile networks cyber artificial intelligence automation jobs vacancies earnings
pensions savings mortgage lending banks credit unions charities volunteers voluntary faith
libraries museums parks leisure sport arts creative hospitality pubs shops markets footfall
vacancy vacant auctions leases landlord premises estates assets disposal acquisition valuation
capital revenue operating expenditure receipts borrowing prudential treasury grants""")

# Ordinary English content words, placed like the policy words: a real library has them all.
COMMON_WORDS = _words("""discuss discussed discussion change changed changes changing say says
report reports reported north south east west large small high low good better best important
increase increased decrease reduced show shows shown found find suggest suggests suggested
argue argued claim claimed agree agreed expect expected need needs needed support supported
provide provided include includes included continue continued remain remains across around
number level levels part parts place places area areas group groups case cases point points
question questions problem problems issue issues result results effect effects role use used
using work working worked help helped set early late recent recently current currently future
national major key main clear significant likely possible available different similar total
average rate rates share figure figures table chart survey interview interviews respondents
participants officials officers leaders staff members residents local country countries world
week month months day days period term long short since already however although whether""")

THEMES = {
    "Skills and training": "skills training apprenticeship apprenticeships qualifications learners adult providers curriculum further college colleges employers levy",
    "Local government finance": "council councils funding budget budgets deficit reserves insolvency settlement formula spending audit borrowing capital revenue",
    "Devolution": "devolution mayor mayors combined authority powers deal deals decentralisation governance accountability metro regional",
    "Levelling up": "levelling regeneration deprivation inequality towns missions mission fund funds productivity northern regions",
    "Pandemic recovery": "pandemic covid lockdown recovery furlough vaccine resilience hospitality footfall crisis",
    "Housing": "housing homes affordable rent tenants landlords homelessness planning brownfield land mortgage",
    "Transport": "transport rail bus buses roads congestion commuting connectivity cycling walking freight",
    "Net zero": "climate carbon emissions zero energy sustainability flood resilience",
    "High streets": "street retail shops markets footfall vacancy vacant auctions leases premises town",
    "Health and care": "health care social hospital hospitals wellbeing mental disability workforce",
    "Children and young people": "children young youth school schools pupils attainment disadvantage childcare nursery teachers",
    "Digital": "digital broadband cyber artificial intelligence automation networks mobile data",
}
FIRST_NAMES = _words("""Ann Jane Tom Sarah James Priya Mohammed Aisha David Emma Olivia Liam Noah Grace Siân
Rhys Gwen Ewan Mairi Fiona Callum Ravi Anjali Chen Wei Tomasz Zofia Kwame Ama Niamh Seán Aoife
Oliver Harriet Rosa Ibrahim Fatima Hannah Daniel Ruth Peter Helen Ben Claire Joseph Lucy Omar
Yusuf Leila Bethan Owen Catrin Dafydd Eilidh Ross Kirsty Iain Moira Hamish Freya""")
SURNAMES = _words("""Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Roberts Johnson Lewis
Walker Robinson Wood Thompson White Watson Jackson Wright Green Harris Cooper King Lee Martin
Clarke James Morgan Hughes Edwards Hill Moore Clark Harrison Scott Young Morris Hall Ward Turner
Carter Phillips Mitchell Patel Adams Campbell Anderson Allen Cook Bailey Parker Miller Davis
Murphy Price Bell Baker Griffiths Kelly Simpson Marshall Collins Bennett Cox Richardson Fox Gray
Rose Chapman Hunt Robertson Shaw Reynolds Lloyd Ellis Richards Russell Wilkinson Khan Graham
Stewart Reid Murray Powell Palmer Holmes Rogers Stevens Walsh Hunter Thomson Matthews Ross Owen
Mason Knight Kennedy Butler Saunders O'Brien O'Neill MacDonald McLeod Nowak Kowalski Mensah Okafor
Chowdhury Begum Hussain Ahmed Singh Kaur Nguyen Zhang Wang Ló""")
PUBLISHERS = """Institute for Government|Centre for Cities|Local Government Association|Resolution
Foundation|Institute for Fiscal Studies|National Audit Office|House of Commons Library|Department for
Levelling Up|HM Treasury|Department for Education|Learning and Work Institute|Joseph Rowntree
Foundation|Nesta|Onward|Localis|New Local|IPPR North|Centre for Progressive Policy|County Councils
Network|Key Cities|Core Cities|Greater Manchester Combined Authority|West Midlands Combined
Authority|Leeds City Council|Birmingham City Council|Cardiff Council|Glasgow City Council|Office
for National Statistics|Ofsted|The Guardian|Financial Times|BBC News|Municipal Journal|Local
Government Chronicle|Grant Thornton|Deloitte|KPMG|Power to Change|Demos|Bennett Institute|Centre
for Local Economic Strategies|The Health Foundation|King's Fund|Nuffield Trust|Education Policy
Institute|Sutton Trust|Institute for Public Policy Research|Policy Exchange""".replace("\n", " ").split("|")
TAGS = _words("""skills funding devolution housing transport net-zero high-streets health education
employment finance governance evaluation data pandemic regeneration productivity inequality
planning digital youth care welfare tax audit procurement culture rural coastal london north
midlands scotland wales interview survey case-study guidance consultation-response
evidence-review statistics briefing blog speech minutes""")

_ONSETS = _words("b c d f g h j k l m n p r s t v w y z b c d f g h l m n p r s t bl br ch cl cr dr "
           "fl fr gl gr pl pr sc sh sk sl sm sn sp st str sw th tr tw wh")
_VOWELS = _words("a e i o u a e i o u a e i o u ai ea ee ie oa ou oo ay")
_CODAS = [""] * 10 + _words("n r s t l m d k ng nt st ck sh th ll ss nd")


def _pseudo_word(rng: random.Random, syllables: int) -> str:
    parts = []
    for index in range(syllables):
        onset = rng.choice(_ONSETS) if index == 0 or rng.random() < 0.8 else ""
        parts.append(onset + rng.choice(_VOWELS) + rng.choice(_CODAS))
    return "".join(parts)


@lru_cache(maxsize=4)
def vocabulary(seed: int = 7) -> tuple[tuple[str, ...], tuple[float, ...]]:
    """(words by rank, cumulative Zipf weights): function words first, policy words scattered
    through the top few thousand ranks, pseudo-words elsewhere."""
    rng = random.Random(f"vocabulary:{seed}")
    taken = set(FUNCTION_WORDS) | set(POLICY_WORDS) | set(COMMON_WORDS)
    pseudo = []
    while len(pseudo) < VOCABULARY_SIZE:
        rank = len(pseudo)  # frequent words are short (Zipf's law of abbreviation)
        syllables = 1 + min(2, int(rng.expovariate(1.6) + math.log10(rank + 10) / 3))
        word = _pseudo_word(rng, syllables)
        if len(word) >= 3 and word not in taken:
            taken.add(word)
            pseudo.append(word)
    words = list(dict.fromkeys(FUNCTION_WORDS))
    policy = sorted((set(POLICY_WORDS) | set(COMMON_WORDS)) - set(words))
    slots = sorted(int(60 * (3000 / 60) ** rng.random()) for _ in policy)  # log-uniform ranks
    pseudo_iter = iter(pseudo)
    rng.shuffle(policy)
    for slot, word in zip(slots, policy, strict=True):
        while len(words) < slot:
            words.append(next(pseudo_iter))
        words.append(word)
    while len(words) < VOCABULARY_SIZE:
        words.append(next(pseudo_iter))
    weights = itertools.accumulate(1.0 / (rank + 1) ** ZIPF_EXPONENT for rank in range(len(words)))
    return tuple(words), tuple(weights)


@lru_cache(maxsize=4)
def theme_pools(seed: int = 7) -> dict[str, tuple[str, ...]]:
    """Each theme's words: its policy words plus 40 mid-frequency pseudo-words of its own."""
    words, _ = vocabulary(seed)
    rng = random.Random(f"themes:{seed}")
    policy = set(POLICY_WORDS) | set(FUNCTION_WORDS)
    middle = [w for w in words[2000:12000] if w not in policy]
    return {name: tuple(text.split()) + tuple(rng.sample(middle, 40))
            for name, text in THEMES.items()}


@lru_cache(maxsize=4)
def people(seed: int = 7) -> tuple[str, ...]:
    rng = random.Random(f"people:{seed}")
    return tuple(sorted({f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}" for _ in range(900)}))


def _sentences(rng: random.Random, stream: list[str], count: int) -> list[str]:
    sentences, position = [], 0
    while position < count:
        length = min(count - position, max(4, int(rng.gauss(17, 6))))
        words = stream[position:position + length]
        position += length
        if length > 9 and rng.random() < 0.5:
            comma = rng.randrange(3, length - 3)
            words[comma] += ","
        words[0] = words[0].capitalize()
        sentences.append(" ".join(words) + ".")
    return sentences


def _title(rng: random.Random, pool: tuple[str, ...], seed: int) -> str:
    content, cum = _content_words(seed)
    picked = rng.sample(pool, rng.randint(1, 3))
    picked += rng.choices(content, cum_weights=cum, k=rng.randint(1, 4))
    rng.shuffle(picked)
    joiner = rng.choice(("and", "in", "for", "after", "beyond", "of"))
    if len(picked) > 2:
        picked.insert(rng.randrange(1, len(picked)), joiner)
    return " ".join(picked).capitalize()


@lru_cache(maxsize=4)
def _content_words(seed: int) -> tuple[tuple[str, ...], tuple[float, ...]]:
    """The vocabulary below the function words, with its cumulative weights (for titles)."""
    words, cum = vocabulary(seed)
    base = cum[59]
    return words[60:], tuple(value - base for value in cum[60:])


def make_item(seed: int, number: int) -> dict:
    """The metadata and Markdown body of item `number` (depends only on seed and number)."""
    words, cum = vocabulary(seed)
    pools = theme_pools(seed)
    rng = random.Random(f"item:{seed}:{number}")
    kind = rng.choices(KINDS, KIND_WEIGHTS)[0]
    median, sigma = KIND_LENGTHS[kind]
    length = int(min(MAX_WORDS, max(MIN_WORDS, rng.lognormvariate(math.log(median), sigma))))
    themes = rng.sample(sorted(pools), rng.choices((1, 2, 3), (5, 3, 1))[0])
    pool = tuple(word for name in themes for word in pools[name])
    stream = rng.choices(words, cum_weights=cum, k=length)
    for _ in range(int(length * THEME_SHARE)):
        stream[rng.randrange(length)] = rng.choice(pool)
    sentences = _sentences(rng, stream, length)
    blocks, index, paragraphs = [], 0, 0
    while index < len(sentences):
        if length > 600 and paragraphs % 6 == 0:
            blocks.append("## " + _title(rng, pool, seed))
        size = rng.randint(2, 7)
        blocks.append(" ".join(sentences[index:index + size]))
        index += size
        paragraphs += 1
    everyone = people(seed)
    day = rng.randrange((2025 - 2010 + 1) * 365)
    year, day_of_year = 2010 + day // 365, day % 365
    month, mday = 1 + day_of_year // 31 % 12, 1 + day_of_year % 28
    return {
        "title": _title(rng, pool, seed),
        "authors": rng.sample(everyone, rng.choices((1, 2, 3, 4), (50, 30, 15, 5))[0]),
        "date": f"{year:04d}-{month:02d}-{mday:02d}",
        "publisher": rng.choice(PUBLISHERS),
        "kind": kind,
        "tags": sorted(rng.sample(TAGS, rng.randint(1, 5))),
        "themes": themes,
        "body": "\n\n".join(blocks),
        "words": length,
    }


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def to_markdown(item: dict) -> str:
    lines = ["---", f"title: {_quoted(item['title'])}", "authors:"]
    lines += [f"  - {_quoted(name)}" for name in item["authors"]]
    lines += [f"date: {item['date']}", f"publisher: {_quoted(item['publisher'])}",
              f"kind: {item['kind']}", "tags: [" + ", ".join(item["tags"]) + "]",
              "themes: [" + ", ".join(_quoted(t) for t in item["themes"]) + "]", "---", "",
              f"# {item['title']}", "", item["body"], ""]
    return "\n".join(lines)


def item_path(out: Path, number: int, title: str) -> Path:
    slug = "-".join(title.lower().split()[:5])
    return out / f"{number // FILES_PER_FOLDER:03d}" / f"{number:06d}-{slug}.md"


def _write_range(job: tuple[int, int, int, str]) -> tuple[int, int]:
    seed, start, stop, out = job
    words = size = 0
    for number in range(start, stop):
        item = make_item(seed, number)
        path = item_path(Path(out), number, item["title"])
        path.parent.mkdir(parents=True, exist_ok=True)
        data = to_markdown(item).encode("utf-8")
        path.write_bytes(data)
        words += item["words"]
        size += len(data)
    return words, size


def generate(items: int, out: Path, seed: int = 7, processes: int | None = None) -> dict:
    """Write `items` Markdown files under `out` (in folders of 1,000); returns a manifest."""
    out.mkdir(parents=True, exist_ok=True)
    vocabulary(seed), theme_pools(seed), people(seed)  # built once, shared by forked workers
    step = 250
    jobs = [(seed, start, min(items, start + step), str(out)) for start in range(0, items, step)]
    started = time.perf_counter()
    processes = processes or min(4, multiprocessing.cpu_count())
    if processes > 1 and len(jobs) > 1:
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            totals = pool.map(_write_range, jobs)
    else:
        totals = [_write_range(job) for job in jobs]
    words = sum(t[0] for t in totals)
    manifest = {"items": items, "seed": seed, "words": words, "bytes": sum(t[1] for t in totals),
                "mean_words": round(words / max(1, items), 1),
                "seconds": round(time.perf_counter() - started, 2)}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2), "utf-8")
    return manifest


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    manifest = generate(args.items, args.out, args.seed)
    print(json.dumps(manifest), file=sys.stderr)


if __name__ == "__main__":
    main()
