"""Templates compile one at a time (guide.template_cache): two first requests at once just after
a start once raced in CPython's compiler ("AST constructor recursion depth mismatch")."""
import threading

from chameleon.loader import MemoryLoader
from chameleon.template import BaseTemplate
from webtest import TestApp

from guide import main


def test_the_first_requests_at_once_compile_their_templates_one_at_a_time(database, app_settings, monkeypatch):
    compile_template = BaseTemplate._compile
    lock, compiling = threading.Lock(), {"now": 0, "most": 0}
    second_arrived, waited = threading.Event(), threading.Event()

    def watched(template, body, builtins):
        with lock:
            compiling["now"] += 1
            compiling["most"] = max(compiling["most"], compiling["now"])
            if compiling["now"] > 1:
                second_arrived.set()
            first = not waited.is_set()
            waited.set()
        if first:  # give another thread the time to start compiling too, if it may
            second_arrived.wait(2)
        try:
            return compile_template(template, body, builtins)
        finally:
            with lock:
                compiling["now"] -= 1

    monkeypatch.setattr(BaseTemplate, "_compile", watched)
    # compiled in memory, whatever folder of compiled templates an earlier app pointed Chameleon at
    monkeypatch.setattr(BaseTemplate, "loader", MemoryLoader())
    app = main({}, dbengine=database.engine, **app_settings)  # a new app: nothing compiled yet
    try:
        client, start, answers = TestApp(app), threading.Barrier(2), []

        def first_reader(path):
            start.wait()
            answers.append(client.get(path).status_int)

        # Two pages of one template (one page twice would be rendered once: guide.http_cache).
        readers = [threading.Thread(target=first_reader, args=(path,))
                   for path in ("/en/items/GAJ-0014", "/zh-hans/items/GAJ-0001")]
        for reader in readers:
            reader.start()
        for reader in readers:
            reader.join(60)
        assert answers == [200, 200]
        assert waited.is_set() and compiling["most"] == 1
    finally:
        app.registry["search"].close()
