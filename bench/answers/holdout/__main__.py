"""Writes data.json (seed SEED): a new set, whose first score counts; or, `--extra NAME`, a
further development set (NAME.json) in phrases_NAME.py's wordings."""

import argparse

from bench.answers.holdout import EXTRA, write

parser = argparse.ArgumentParser(prog="python -m bench.answers.holdout")
parser.add_argument("--extra", choices=EXTRA)
print(f"wrote {write(parser.parse_args().extra)}")
