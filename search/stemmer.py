"""Light suffix stemmer for Azerbaijani words in keyboard-folded form.

The input is a word as ``search.normalise`` folds it (``[a-z]`` only, so ``ı``
and ``i``, ``ə`` and ``e``, ``ö`` and ``o``, ``ü`` and ``u`` are already the
same letter). The stemmer removes inflectional endings only: plural
(``-lar``), third-person possessive (``-ı``, ``-sı``, ``-ları``), case
(``-ın``, ``-nın``, ``-ı``, ``-nı``, ``-a``, ``-ya``, ``-da``, ``-dan``, and
after a possessive ``-nın``, ``-na``, ``-nda``, ``-ndan``), ``-la``/``-yla``
("with"), ``-dakı``, ``-dır`` and ``-dək``. Derivational suffixes stay, so
``qanun`` and ``qanunvericilik`` keep different stems.

How a word is reduced, one step at a time:

1. An ending is removed only when three conditions hold. The vowel harmony
   fits (``-lar`` only after a back vowel, ``-u`` only after a rounded one).
   The letter before it fits (``-nın`` after a vowel, ``-ın`` after a
   consonant). At least ``MIN_STEM`` letters stay, or one of ``SHORT_ROOTS``.
2. Folded text often cannot tell a buffer consonant from the last letter of
   a root: ``qanunu`` is ``qanun`` + ``u`` or ``qanu`` + ``nu``, and
   ``birliyi`` is ``birlik`` + ``i`` with k → y. When no ending fits, a final
   n, s, y, k, q or g after a vowel is removed as well (in words of two or
   more syllables), so both readings meet at the same stem.
3. Before each step, the stemmer looks for a known root (``ROOTS``) among the
   possible results, also with k and q in place of a final y and ğ, and stops
   there. Without a known root it keeps going, so rare words end in a short,
   consistent stem (``qadağa`` → ``qad``) that other words may share.

Known gaps: verbs get no special treatment (their endings are removed only
where they look like noun endings), vowel loss in ``fəsil``/``fəsli`` and
``şəkil``/``şəkli`` is not undone, and first- and second-person possessives
(``-ım``, ``-ımız``) stay on the word.
"""

from pathlib import Path

VOWELS = frozenset("aeiou")
MIN_STEM = 3
MAX_STEPS = 12

# Two-letter roots that may be reached (iş, il, ad, ay, ev, su, ər): "işi",
# "ildə", "adı" and "əri" find "iş", "il", "ad" and "ər".
SHORT_ROOTS = frozenset({"is", "il", "ad", "ay", "ev", "su", "er"})

# Function words whose folded form would otherwise reach a short root:
# "ilə" (with) is not "il" (year), "isə" (however) is not "iş" (work).
UNSTEMMED = frozenset({"ile", "ise"})

# Endings and the letter they must follow: "V" a vowel, "C" a consonant, "" any.
# A "V" ending also needs two syllables before it, so "planı" is "plan" + "ı",
# not "pla" + "nı".
_SUFFIX_RULES = sorted(
    [
        # case after the third-person possessive, with its pronominal n
        ("ndaki", "V"), ("ndeki", "V"), ("ndan", "V"), ("nden", "V"), ("nda", "V"), ("nde", "V"),
        ("na", "V"), ("ne", "V"),
        # genitive, accusative, dative
        ("nin", "V"), ("nun", "V"), ("in", "C"), ("un", "C"),
        ("ni", "V"), ("nu", "V"),
        ("ya", "V"), ("ye", "V"), ("a", "C"), ("e", "C"),
        # locative, ablative, "-dakı"
        ("daki", ""), ("deki", ""), ("dan", ""), ("den", ""), ("da", ""), ("de", ""),
        # "ilə" written as a suffix, "-dır", "-dək"
        ("yla", "V"), ("yle", "V"), ("la", "C"), ("le", "C"),
        ("dir", ""), ("dur", ""), ("dek", ""),
        # third-person possessive
        ("si", "V"), ("su", "V"), ("i", "C"), ("u", "C"),
        # plural
        ("lar", ""), ("ler", ""),
    ],
    key=lambda rule: -len(rule[0]),
)

# Final consonants that may be a buffer letter or an alternated k/q (step 2).
_AMBIGUOUS_FINALS = frozenset("nsykqg")
# y and ğ stand for k and q before a vowel: birlik → birliyi, ayaq → ayağı.
_ALTERNATION = {"y": "k", "g": "q"}


def _load_roots() -> frozenset[str]:
    path = Path(__file__).with_name("roots_az.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


# Frequent roots in folded form, where stemming stops (step 3).
ROOTS: frozenset[str] = _load_roots()


def _last_vowel(word: str) -> str:
    for char in reversed(word):
        if char in VOWELS:
            return char
    return ""


def _first_vowel(word: str) -> str:
    for char in word:
        if char in VOWELS:
            return char
    return ""


def _vowel_count(word: str) -> int:
    return sum(char in VOWELS for char in word)


def _harmonic(base: str, suffix: str) -> bool:
    """Tell whether ``suffix`` can follow ``base`` by vowel harmony, as far as folded letters show it."""
    last = _last_vowel(base)
    if not last:
        return False

    if suffix == "dek":
        # "-dək" keeps its vowel after any stem: "manatadək", "günədək".
        return True

    vowel = _first_vowel(suffix)
    if vowel == "a":
        return last != "e"
    if vowel == "e":
        return last != "a"
    if vowel == "i":
        # ı or i: after a, ı, e, ə, i (folded a, i, e)
        return last in "aei"
    if vowel == "u":
        # u or ü: after o, u, ö, ü (folded o, u)
        return last in "ou"
    return True


def _reductions(word: str, short_roots: bool = True) -> list[str]:
    """List what one step can make of ``word``; the first item is the step taken when no root is found."""
    results = []
    for suffix, before in _SUFFIX_RULES:
        if not word.endswith(suffix):
            continue
        rest = word[: -len(suffix)]
        if len(rest) < MIN_STEM and not (short_roots and rest in SHORT_ROOTS):
            continue

        after_vowel = rest[-1] in VOWELS
        if before == "V" and (not after_vowel or _vowel_count(rest) < 2):
            continue
        if before == "C" and after_vowel:
            continue
        if _harmonic(rest, suffix):
            results.append(rest)

    if _has_ambiguous_final(word):
        results.append(word[:-1])
    return results


def _has_ambiguous_final(word: str) -> bool:
    return (
        len(word) > MIN_STEM
        and word[-1] in _AMBIGUOUS_FINALS
        and word[-2] in VOWELS
        and _vowel_count(word) >= 2
    )


def _known_root(word: str) -> str | None:
    if word in ROOTS:
        return word
    if len(word) > 1 and word[-1] in _ALTERNATION and word[-2] in VOWELS:
        restored = word[:-1] + _ALTERNATION[word[-1]]
        if restored in ROOTS:
            return restored
    return None


def stem(folded_word: str) -> str:
    """Return the stem of one folded word: ``teskilatlarinin`` → ``teskilat``.

    Words with digits or other characters outside ``[a-z]``, words of fewer
    than three letters and the words in ``UNSTEMMED`` come back unchanged.
    """
    return _reduce(folded_word, use_roots=True)


def skeleton_stem(folded_word: str) -> str:
    """Stem without the root list (steps 1 and 2 only), as used to choose the words in ``ROOTS``."""
    return _reduce(folded_word, use_roots=False)


def _reduce(word: str, use_roots: bool) -> str:
    if len(word) < 3 or word in UNSTEMMED or not (word.isascii() and word.isalpha()):
        return word
    if use_roots and word in ROOTS:
        return word

    short_roots = True
    for _ in range(MAX_STEPS):
        candidates = _reductions(word, short_roots)
        if not candidates:
            break
        if use_roots:
            known = [root for root in map(_known_root, candidates) if root]
            if known:
                # "insanın" is "insan" + "ın" rather than "inşa" + "nın": the longer root wins.
                return max(known, key=len)

        reduced = candidates[0]
        if reduced == word[:-1] and word[-1] in _AMBIGUOUS_FINALS:
            # No one-letter ending is n, s, y, k, q or g, so this step dropped
            # a final consonant (step 2). The word was then longer than a two-letter
            # root: "ayaq" and "işıq" must not become "ay" and "iş".
            short_roots = False
        word = reduced
    return word
