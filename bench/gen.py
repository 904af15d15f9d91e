#!/usr/bin/env python3
"""gen.py OUTDIR [SINGLE_MB] [TREE_MB]: generates the benchmark corpus (not tracked).

  OUTDIR/transcript.txt   one transcript of SINGLE_MB MB (default 500) in the layout of
                          fixtures/transcript-short.txt: a wrapper, then one page per
                          agenda item (Åben sag / Sagsnr. / RESUMÉ / INDSTILLING /
                          BESLUTNING), a running header and printed page numbers.
  OUTDIR/tree/            the fixtures replicated into nested folders up to TREE_MB MB
                          (default 300).
  OUTDIR/stream.nul       the fixtures (but the UTF-16 one) as NUL-separated documents
                          with name lines, up to SINGLE_MB MB, for --stream.
Deterministic: the same arguments give the same bytes."""
import os
import random
import shutil
import sys

WORDS = ("kommunen skal beslutte om den nye plan for skoler veje og ældrepleje budgettet "
         "økonomi borgerne udvalget forvaltningen foreslår at der afsættes midler til "
         "renovering af hallen samt bedre cykelstier i området").split()


def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def transcript(path, megabytes):
    rng = random.Random(1)
    limit = megabytes * 1000 * 1000
    with open(path, "w", encoding="utf-8") as out:
        out.write('Skovby Kommune. Åbent referat. til Teknik- og Miljøudvalget\n\n'
                  'Størrelse: px\nStarte visningen fra side:\n\n'
                  'Download "Skovby Kommune. Åbent referat."\n\nTranskript:\n\n'
                  '1 SKOVBY KOMMUNE Åbent referat til Teknik- og Miljøudvalget '
                  'Mødedato: 12-11-2019 Mødetidspunkt: 8:15 Mødelokale: Rådhuset\n\n')
        page, written = 2, 0
        while written < limit:
            text = (f"{page} Teknik- og Miljøudvalget d {rng.choice(WORDS).capitalize()} "
                    f"{rng.choice(WORDS)} og {rng.choice(WORDS)} nr. {page - 1} Åben sag Sagsnr.: "
                    f"19/{page} Sagsansvarlig: mbh.tm RESUMÉ "
                    + " ".join(sentence(rng, 14) for _ in range(6))
                    + " INDSTILLING Forvaltningen indstiller, at "
                    + sentence(rng, 10)
                    + " BESLUTNING I TEKNIK- OG MILJØUDVALGET DEN Godkendt. "
                    + f"{page - 1}\n\n")
            out.write(text)
            written += len(text.encode("utf-8"))
            page += 1


def tree(root, fixtures, megabytes):
    files = sorted(f for f in os.listdir(fixtures) if f.endswith(".txt"))
    size = sum(os.path.getsize(os.path.join(fixtures, f)) for f in files)
    copies = max(1, megabytes * 1000 * 1000 // size)
    for i in range(copies):
        folder = os.path.join(root, str(i % 16), str(i // 16 % 16), f"copy{i}")
        os.makedirs(folder, exist_ok=True)
        for f in files:
            shutil.copyfile(os.path.join(fixtures, f), os.path.join(folder, f))


def stream(path, fixtures, megabytes):
    files = sorted(f for f in os.listdir(fixtures) if f.endswith(".txt") and "utf16" not in f)
    blobs = [(f, open(os.path.join(fixtures, f), "rb").read()) for f in files]
    limit, written, i = megabytes * 1000 * 1000, 0, 0
    with open(path, "wb") as out:
        while written < limit:
            name, blob = blobs[i % len(blobs)]
            record = f"doc{i}/{name}\n".encode() + blob + b"\0"
            out.write(record)
            written += len(record)
            i += 1


def main():
    outdir = sys.argv[1]
    single = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    tree_mb = int(sys.argv[3]) if len(sys.argv) > 3 else 300
    fixtures = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures")
    os.makedirs(outdir, exist_ok=True)
    transcript(os.path.join(outdir, "transcript.txt"), single)
    if not os.path.isdir(os.path.join(outdir, "tree")):
        tree(os.path.join(outdir, "tree"), fixtures, tree_mb)
    stream(os.path.join(outdir, "stream.nul"), fixtures, single)


if __name__ == "__main__":
    main()
