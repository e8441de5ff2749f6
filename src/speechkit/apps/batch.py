"""Build many documents at once: in this process, in worker processes, or on any ``concurrent.futures`` executor."""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from ..i18n import _
from ..model.errors import SpeechkitError
from ..writers import DEFAULT_FORMATS

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future

    from ..checks import Finding
    from ..facts.reading import Facts
    from ..model.speech import Speech
    from .outputs import OutputGuard

#: Suffixes of the facts files taken from a folder.
FACTS_SUFFIXES = (".yaml", ".yml")
#: The most documents one task carries to a worker (fewer tasks, less overhead; more, a smoother progress bar).
MAX_CHUNK = 32

#: Below this many documents, and unless workers are asked for, the batch is built in this process.
SMALL_BATCH = 8
#: Modules the fork server imports once, so that every worker it forks starts with them loaded.
PRELOAD = [
    "speechkit.apps.batch",
    "speechkit.api",
    "speechkit.writers.docx",
    "speechkit.writers.markdown",
    "speechkit.checks",
]

Status = Literal["ok", "bad", "strict"]


class BuildOptions(NamedTuple):
    """How every document of a batch is built: formats, templates, script, checks."""

    formats: tuple[str, ...] = DEFAULT_FORMATS
    templates: tuple[str, ...] = ()
    reference_doc: str | None = None
    layout_template: str | None = None
    runin_bold: bool = False
    script: str | None = None
    check: bool = True
    strict: bool = False


class Job(NamedTuple):
    """One document: the name its messages use, the stem of its files, and its facts (bytes or already read)."""

    source: str
    stem: str
    content: bytes | None = None
    facts: Facts | None = None
    #: Prefix of error messages, e.g. ``rows.csv:7: row 6: `` for a mail-merge row.
    context: str = ""


class Outcome(NamedTuple):
    """What building one document gave: its files' contents by format, its findings, or its error."""

    source: str
    stem: str
    status: Status
    #: Contents by format until the files are written (then empty); one shared empty default, never changed in place.
    outputs: Mapping[str, bytes] = {}
    findings: tuple[Finding, ...] = ()
    error: str = ""
    written: tuple[Path, ...] = ()


class BatchResult(NamedTuple):
    """Every document's outcome, in input order."""

    outcomes: tuple[Outcome, ...]

    @property
    def built(self) -> list[Outcome]:
        """Documents whose files were written."""
        return [o for o in self.outcomes if o.status == "ok"]

    @property
    def failed(self) -> list[Outcome]:
        """Documents that could not be built (bad input, unreadable file, failed PDF)."""
        return [o for o in self.outcomes if o.status == "bad"]

    @property
    def rejected(self) -> list[Outcome]:
        """Documents not written because ``strict`` checks found something."""
        return [o for o in self.outcomes if o.status == "strict"]

    @property
    def written(self) -> list[Path]:
        """Every file written, in input order."""
        return [path for o in self.outcomes for path in o.written]

    @property
    def exit_status(self) -> int:
        """2 when a document had bad input, 1 when strict checks rejected one, else 0."""
        return 2 if self.failed else 1 if self.rejected else 0


def collect_facts_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Expand folders into the facts files under them (sorted, hidden ones skipped); files are kept as given."""
    out: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found = [
                p
                for p in path.rglob("*")
                if p.suffix.lower() in FACTS_SUFFIXES
                and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            ]
            if not found:
                raise SpeechkitError(_("{path}: no facts files (*.yaml, *.yml) in this folder").format(path=path))
            out.extend(sorted(found))
        else:
            out.append(path)
    return out


def jobs_for_files(paths: Sequence[str | os.PathLike[str]]) -> list[Job]:
    """Make one job per facts file, named by its stem; contents are read here, so workers need no shared disk."""
    jobs: list[Job] = []
    for path in collect_facts_files(paths):
        try:
            content: bytes | None = path.read_bytes()
        except OSError:
            content = None  # read_facts in the worker reports it as the single build does
        jobs.append(Job(str(path), path.stem, content))
    return jobs


def check_stems(jobs: Sequence[Job]) -> None:
    """Raise when two documents would write the same files; nothing is written then."""
    seen: dict[str, str] = {}
    for job in jobs:
        key = os.path.normcase(job.stem)
        if key in seen:
            raise SpeechkitError(
                _(
                    "{context}{source}: output name {stem!r} is also that of {seen}; rename one of them "
                    "(nothing written)"
                ).format(context=job.context, source=job.source, stem=job.stem, seen=seen[key])
            )
        seen[key] = f"{job.context}{job.source}".rstrip(": ")


def build_many(
    paths: Iterable[str | os.PathLike[str] | Job],
    outdir: str | os.PathLike[str],
    formats: Sequence[str] | None = None,
    executor: Executor | None = None,
    *,
    workers: int | None = None,
    options: BuildOptions | None = None,
    progress: Callable[[Outcome], None] | None = None,
    guard: OutputGuard | None = None,
) -> BatchResult:
    """Build every facts file (or folder of them, or :class:`Job`) into ``outdir`` as ``<stem>.<ext>``.

    A document that fails is reported in the result and does not stop the others; every good
    document is written, each all or nothing. Two documents with the same stem are an error
    before anything is written. The work runs on ``executor`` (any ``concurrent.futures.Executor``:
    a process pool, a Dask ``Client.get_executor()``, …), else in ``workers`` processes (default:
    the number of cores, or this process for fewer than SMALL_BATCH documents; 1 builds in this
    process). PDFs are converted in one LibreOffice run. With a ``guard`` (what ``speechkit build``
    passes), every target is checked before anything is built, files are written only as it allows,
    and its record is written once at the end, by this process; without one, existing files are replaced.
    """
    from ..default import default_registry

    options = options or BuildOptions()
    if formats is not None:
        options = options._replace(formats=tuple(formats))
    registry = default_registry()
    writers = [registry.writer(fmt) for fmt in options.formats]  # an unknown format raises RenderError here
    options = options._replace(formats=tuple(dict.fromkeys(w.name for w in writers)))
    extensions = {w.name: w.extension for w in writers}
    given = list(paths)
    jobs = [p for p in given if isinstance(p, Job)]
    jobs += jobs_for_files([p for p in given if not isinstance(p, Job)])
    check_stems(jobs)
    target = Path(outdir)
    if target.exists() and not target.is_dir():
        raise SpeechkitError(_("{target}: exists and is not a folder").format(target=target))
    if guard is not None:  # before anything is built, so that a refused file costs no time and writes nothing
        guard.check(target / f"{job.stem}.{ext}" for job in jobs for ext in extensions.values())
    wants_pdf = "pdf" in options.formats
    done: dict[int, Outcome] = {}
    try:
        for index, outcome in run_jobs(jobs, options, executor, workers):
            if not wants_pdf or outcome.status != "ok":
                outcome = write_outcome(target, outcome, extensions, guard)
                if progress is not None:
                    progress(outcome)
            done[index] = outcome
        if wants_pdf:
            for index, outcome in convert_pdfs(done).items():
                outcome = write_outcome(target, outcome, extensions, guard)
                if progress is not None:
                    progress(outcome)
                done[index] = outcome
    finally:
        if guard is not None:
            guard.save()  # also after a failure or an interrupt: what was written is recorded
    return BatchResult(tuple(done[i] for i in range(len(jobs))))


def run_jobs(
    jobs: Sequence[Job], options: BuildOptions, executor: Executor | None, workers: int | None
) -> Iterator[tuple[int, Outcome]]:
    """Yield ``(index, outcome)`` for every job as it finishes, wherever it runs."""
    if not jobs:
        return
    count = workers if workers is not None else (os.cpu_count() or 1)
    if count < 1:
        raise SpeechkitError(_("-j/--jobs must be at least 1, not {count}").format(count=count))
    small = workers is None and len(jobs) < SMALL_BATCH  # starting workers would cost more than it saves
    if executor is None and (count == 1 or len(jobs) == 1 or small):
        for index, job in enumerate(jobs):
            yield index, build_one(job, options)
        return
    from concurrent.futures import BrokenExecutor, as_completed

    own = executor is None
    if executor is None:
        executor = process_pool(min(count, len(jobs)))
    try:
        size = max(1, min(MAX_CHUNK, math.ceil(len(jobs) / (4 * count))))
        chunks = [list(range(start, min(start + size, len(jobs)))) for start in range(0, len(jobs), size)]
        futures: dict[Future[list[Outcome]], list[int]] = {
            executor.submit(build_chunk, [jobs[i] for i in chunk], options): chunk for chunk in chunks
        }
        for future in as_completed(futures):
            try:
                outcomes = future.result()
            except BrokenExecutor as exc:
                raise SpeechkitError(
                    _("speechkit: a worker stopped ({exc}); -j 1 builds in this process").format(exc=exc)
                ) from None
            yield from zip(futures[future], outcomes, strict=True)
    finally:
        if own:
            executor.shutdown(cancel_futures=True)


def process_pool(workers: int) -> Executor:
    """Return a process pool whose workers start from a clean server process that has speechkit loaded."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context: Any
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)
    else:
        context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=warm_up)


def warm_up() -> None:
    """Load the registry and the writers once per worker, before its first document."""
    from ..builder.build import schema_for
    from ..default import default_registry
    from ..writers import docx, markdown  # noqa: F401

    schema_for(default_registry())


def build_chunk(jobs: Sequence[Job], options: BuildOptions) -> list[Outcome]:
    """Build several documents (one task of a worker)."""
    return [build_one(job, options) for job in jobs]


def build_one(job: Job, options: BuildOptions) -> Outcome:
    """Read, build, check and render one document; bad input becomes a failed outcome, not an exception."""
    try:
        speech = load_job(job)
        if options.script:
            from ..model.script import convert_speech

            speech = convert_speech(speech, options.script)
        findings = tuple(check_built(speech, job.source, source_text(job))) if options.check else ()
        if options.strict and findings:
            return Outcome(job.source, job.stem, "strict", findings=findings)
        outputs = render_outputs(speech, options)
    except SpeechkitError as exc:
        return Outcome(job.source, job.stem, "bad", error=f"{job.context}{exc}")
    except RecursionError:
        return Outcome(
            job.source,
            job.stem,
            "bad",
            error=_("{context}{source}: input nested too deeply to process").format(
                context=job.context, source=job.source
            ),
        )
    return Outcome(job.source, job.stem, "ok", outputs, findings)


def load_job(job: Job) -> Speech:
    """Build the Speech of a job from its facts, its bytes or its file."""
    from ..api import build
    from ..facts.reading import parse_facts, read_facts

    if job.facts is not None:
        return build(job.facts)
    if job.content is not None:
        return build(parse_facts(job.content, job.source))
    return build(read_facts(job.source))


def check_built(speech: Speech, path: str, source: str | None = None) -> list[Finding]:
    """Run the checks on a built Speech: the one entry point a build uses (no second parse or build).

    ``source`` is the facts text, so that findings point at the very characters of a YAML value.
    """
    from ..checks import check_speech

    return check_speech(speech, path=path, source=source)


def source_text(job: Job) -> str | None:
    """Return the facts text of a job (None for facts given as data without their file's text)."""
    raw = job.content
    if raw is None:
        if job.facts is not None:
            return None
        try:
            raw = Path(job.source).read_bytes()
        except OSError:
            return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def render_outputs(speech: Speech, options: BuildOptions) -> dict[str, bytes]:
    """Render the requested formats; a PDF is left as its DOCX, converted later with the batch's others."""
    from ..api import render

    settings: dict[str, Any] = {
        "templates": list(options.templates) or None,
        "reference_doc": options.reference_doc,
        "layout_template": options.layout_template,
        "runin_bold": options.runin_bold,
    }
    outputs: dict[str, bytes] = {}
    for fmt in options.formats:
        kind = "docx" if fmt == "pdf" else fmt
        if kind not in outputs:
            data = render(speech, kind, **settings)
            outputs[kind] = data.encode("utf-8") if isinstance(data, str) else data
    return outputs


def convert_pdfs(done: Mapping[int, Outcome]) -> dict[int, Outcome]:
    """Convert the DOCX of every built document to PDF in one LibreOffice run."""
    from ..writers.pdf import render_pdfs

    ready = {index: outcome for index, outcome in sorted(done.items()) if outcome.status == "ok"}
    if not ready:
        return {}
    try:
        pdfs = render_pdfs({str(index): outcome.outputs["docx"] for index, outcome in ready.items()})
    except SpeechkitError as exc:
        return {i: o._replace(status="bad", outputs={}, error=f"{o.source}: {exc}") for i, o in ready.items()}
    out: dict[int, Outcome] = {}
    for index, outcome in ready.items():
        pdf = pdfs.get(str(index))
        if pdf is None:
            message = _("{source}: LibreOffice could not convert the document to PDF").format(source=outcome.source)
            out[index] = outcome._replace(status="bad", outputs={}, error=message)
        else:
            out[index] = outcome._replace(outputs={**outcome.outputs, "pdf": pdf})
    return out


def write_outcome(
    outdir: Path, outcome: Outcome, extensions: Mapping[str, str], guard: OutputGuard | None = None
) -> Outcome:
    """Write a built document's requested formats (all or none); return it with the paths, contents dropped."""
    if outcome.status != "ok":
        return outcome._replace(outputs={})
    files = {outdir / f"{outcome.stem}.{ext}": outcome.outputs[fmt] for fmt, ext in extensions.items()}
    outdir.mkdir(parents=True, exist_ok=True)  # only once something is to be written
    write_files(files, guard)
    return outcome._replace(outputs={}, written=tuple(files))


def write_files(files: Mapping[Path, bytes], guard: OutputGuard | None = None) -> None:
    """Write one document's files all or none (as ``guard`` allows): each to a temporary file, then renamed together."""
    if guard is not None:
        guard.write(files)
        return
    from ..writers.output import write_outputs

    write_outputs(files)
