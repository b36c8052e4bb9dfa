"""The background runner: results, progress, cancellation and errors arrive on the UI thread
as signals, and errors become one sentence."""

import threading

from PySide6.QtCore import QThread

from kb.errors import Cancelled, InvalidInput
from ui.tasks import TaskRunner, describe_error


def test_result_and_progress_arrive_on_the_ui_thread(qtbot):
    runner = TaskRunner("test")
    seen_threads = []

    def job(progress, cancelled):
        seen_threads.append(threading.get_ident())
        for step in range(3):
            progress(step + 1, 3, "Counting")
        return 42

    task = runner.run(job, "Counting")
    reports = []
    task.progress.connect(lambda done, total, label: reports.append(
        (done, total, label, QThread.currentThread() == qtbot_thread())))
    with qtbot.waitSignal(task.finished, timeout=5000) as blocker:
        pass
    assert blocker.args == [42]
    assert reports == [(1, 3, "Counting", True), (2, 3, "Counting", True), (3, 3, "Counting", True)]
    assert seen_threads and seen_threads[0] != threading.get_ident()
    qtbot.waitUntil(lambda: not runner.busy)
    runner.shutdown()


def qtbot_thread():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance().thread()


def test_a_core_error_becomes_its_own_sentence(qtbot):
    runner = TaskRunner("test")

    def job(progress, cancelled):
        raise InvalidInput("'31/31/2020' is not a date I understand.")

    task = runner.run(job)
    with qtbot.waitSignal(task.failed, timeout=5000) as blocker:
        pass
    assert blocker.args == ["'31/31/2020' is not a date I understand."]
    runner.shutdown()


def test_a_bug_becomes_one_sentence_and_a_traceback_on_stderr(qtbot, capsys):
    runner = TaskRunner("test")

    def job(progress, cancelled):
        return {}["missing"]

    task = runner.run(job)
    with qtbot.waitSignal(task.failed, timeout=5000) as blocker:
        pass
    assert blocker.args[0].startswith("Unexpected error: ")
    assert "\n" not in blocker.args[0]
    assert "Traceback" in capsys.readouterr().err
    runner.shutdown()


def test_cancel_reaches_the_job_through_its_cancelled_callable(qtbot):
    runner = TaskRunner("test")
    started = threading.Event()

    def job(progress, cancelled):
        started.set()
        while not cancelled():
            threading.Event().wait(0.005)
        raise Cancelled("Stopped as asked.")

    task = runner.run(job)
    assert started.wait(5)
    task.cancel()
    with qtbot.waitSignal(task.failed, timeout=5000):
        pass
    assert task.was_cancelled and task.error == "Stopped as asked."
    runner.shutdown()


def test_one_job_at_a_time_in_the_order_given(qtbot):
    runner = TaskRunner("writes")
    order = []
    tasks = [runner.run(lambda progress, cancelled, n=n: order.append(n)) for n in range(5)]
    with qtbot.waitSignal(tasks[-1].done, timeout=5000):
        pass
    assert order == [0, 1, 2, 3, 4]
    runner.shutdown()


def test_outcomes_after_shutdown_are_dropped(qtbot):
    runner = TaskRunner("test")
    heard = []
    gate = threading.Event()
    task = runner.run(lambda progress, cancelled: gate.wait(5), on_done=heard.append)
    gate.set()
    runner.shutdown()
    qtbot.wait(50)
    assert heard == [] and not task.announced


def test_describe_error():
    assert describe_error(InvalidInput("A title cannot be empty.")) == "A title cannot be empty."
    assert describe_error(ValueError()) == "Unexpected error: ValueError"
