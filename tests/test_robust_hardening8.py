"""Hardening round 8: faults found by probing the command's new way out (``cli.run`` ends with os._exit)
and the moment a rebuild puts its site in place, with Ctrl-C, SIGTERM and a full disk. Each test failed
before its fix."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from archive_gen import writer
from archive_gen.build import BuildOptions, build_site
from projects import TOY, make_project, site_tree
from robust_util import SEED

SRC = str(Path(__file__).resolve().parents[1] / "src")


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    (tmp_path / "sources").mkdir()
    shutil.copy(SEED, tmp_path / "sources")
    return tmp_path


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join([SRC, os.environ.get("PYTHONPATH", "")])}


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("flag", ["--version", "--help"])
def test_the_group_s_own_output_on_a_full_disk_is_one_line_exit_2(project: Path, flag: str) -> None:
    # --version and --help are printed while click reads the arguments, outside any command: a traceback
    with open("/dev/full", "wb") as full:
        done = subprocess.run([sys.executable, "-m", "archive_gen", flag], cwd=project, stdout=full,
                              stderr=subprocess.PIPE, timeout=60, env=_env())
    assert (done.returncode, done.stderr) == (2, b"archive-gen: error: cannot write the output: "
                                                 b"No space left on device\n")


# a signal sent to the process itself while click reads the arguments, or once the command has returned
_LATE = """
import os, signal, sys, time
from archive_gen import cli
sig, where = getattr(signal, sys.argv[1]), sys.argv[2]
sys.argv = ["archive-gen", "check"]
if where == "after":
    command = cli.main
    def main():
        try:
            command()
        finally:
            os.kill(os.getpid(), sig)
            time.sleep(0.5)
    cli.main = main
else:
    parse = cli._Commands.parse_args
    def parse_args(self, ctx, args):
        os.kill(os.getpid(), sig)
        time.sleep(0.5)
        return parse(self, ctx, args)
    cli._Commands.parse_args = parse_args
cli.run()
"""


@pytest.mark.parametrize("sig", ["SIGINT", "SIGTERM"])
def test_a_signal_before_the_command_is_interrupted_130(project: Path, sig: str) -> None:
    # was "Aborted!" and exit 1 (Ctrl-C) or a death by SIGTERM (-15, not a word)
    done = subprocess.run([sys.executable, "-c", _LATE, sig, "before"], cwd=project, capture_output=True,
                          timeout=60, env=_env())
    assert (done.returncode, done.stderr, done.stdout) == (130, b"archive-gen: interrupted\n", b"")


@pytest.mark.parametrize("sig", ["SIGINT", "SIGTERM"])
def test_a_signal_once_the_command_returned_keeps_its_exit_code(project: Path, sig: str) -> None:
    # was a KeyboardInterrupt traceback out of cli.run (Ctrl-C), or a death by SIGTERM (-15) that lost the
    # command's exit code; the command is done (its report printed), its code stands
    done = subprocess.run([sys.executable, "-c", _LATE, sig, "after"], cwd=project, capture_output=True,
                          timeout=60, env=_env())
    assert done.returncode == 0 and b"Traceback" not in done.stderr, done.stderr
    assert done.stderr == b"1 page, 7 items, 1 warning, 0 errors\n" and b"jump marker" in done.stdout


def test_an_interrupt_while_the_site_goes_in_place_finishes_the_swap_and_says_so(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Ctrl-C while the staged files were moved in left half of the new site over the old one (till the next
    # build replayed the journal) while the command said "the previous site was left as it was"
    config = make_project(tmp_path / "warm")
    build_site(config, BuildOptions(jobs=1), stages=TOY)
    (config.sources[0] / "2021-05-16_01.txt").write_text("新的一天\n职工书屋开放", encoding="utf-8")
    apply = writer._apply_journal

    def interrupted(tmp: Path, output: Path) -> None:
        os.kill(os.getpid(), signal.SIGINT)
        apply(tmp, output)

    monkeypatch.setattr(writer, "_apply_journal", interrupted)
    with pytest.raises(KeyboardInterrupt) as caught:
        build_site(config, BuildOptions(jobs=1), stages=TOY)
    assert isinstance(caught.value, writer.SiteWritten)
    monkeypatch.setattr(writer, "_apply_journal", apply)
    cold = make_project(tmp_path / "cold", {p.relative_to(config.sources[0]).as_posix(): p.read_text("utf-8")
                                           for p in config.sources[0].rglob("*.txt")})
    build_site(cold, BuildOptions(jobs=1), stages=TOY)
    assert site_tree(config.output) == site_tree(cold.output)
    assert not [p for p in config.output.parent.iterdir() if ".tmp-" in p.name]  # no staging folder left
    # and the next build (its cache was not brought up to date) changes nothing
    before = site_tree(config.output)
    assert build_site(config, BuildOptions(jobs=1), stages=TOY).files_written == 0
    assert site_tree(config.output) == before


def test_an_interrupt_after_the_site_is_in_place_does_not_say_the_previous_site_was_left(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from archive_gen import build

    config = make_project(tmp_path)
    build_site(config, BuildOptions(jobs=1), stages=TOY)
    (config.sources[0] / "2021-05-16_01.txt").write_text("新的一天\n职工书屋开放", encoding="utf-8")

    def remember(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(build, "_remember", remember)
    with pytest.raises(writer.SiteWritten):
        build_site(config, BuildOptions(jobs=1), stages=TOY)
