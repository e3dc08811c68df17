import shutil
from pathlib import Path

from setuptools import find_namespace_packages, setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


class build_py_with_catalogues(build_py):
    """Compile the gettext catalogues (.po -> .mo) at install and build time: .mo files are
    build outputs and never committed. (The app also compiles any that are missing or stale at
    start-up, for a checkout whose .po files changed after installing.)

    A built package (the wheel) also carries the sample content and the compiled catalogues in
    guide/_data/, so it runs on its own; guide.settings.data_path finds them there, or in the
    source tree when there is no packaged copy (a checkout, an editable install)."""

    def run(self):
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        for po in (HERE / "locales").glob("*/LC_MESSAGES/*.po"):
            with po.open("rb") as f:
                catalog = read_po(f)
            with po.with_suffix(".mo").open("wb") as f:
                write_mo(f, catalog)
        super().run()
        if not getattr(self, "editable_mode", False):
            self.copy_data()

    def copy_data(self):
        data = Path(self.build_lib) / "guide" / "_data"
        if data.exists():
            shutil.rmtree(data)
        shutil.copytree(HERE / "content", data / "content",
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        # Only the compiled catalogues: the app would compile a .po that looks newer than its
        # .mo, and an installed package may not be writable.
        for mo in (HERE / "locales").glob("*/LC_MESSAGES/*.mo"):
            target = data / "locales" / mo.relative_to(HERE / "locales")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(mo, target)

    def get_outputs(self, include_bytecode=True):
        # The packaged data is part of what this command builds (bdist_wheel lists outputs).
        outputs = super().get_outputs(include_bytecode)
        data = Path(self.build_lib) / "guide" / "_data"
        if not getattr(self, "editable_mode", False) and data.exists():
            outputs += [str(p) for p in data.rglob("*") if p.is_file()]
        return outputs


requires = [
    "pyramid>=2.0",
    "pyramid_chameleon>=0.3",
    "chameleon>=4.0",
    "pyramid_tm>=2.5",
    "pyramid_retry>=2.1",
    "sqlalchemy>=2.0.20",
    "zope.sqlalchemy>=3.1",
    "transaction>=4.0",
    "alembic>=1.12",
    "psycopg[binary]>=3.1",
    "waitress>=3.0",
    "whoosh-reloaded>=2.7.5",
    "jieba>=0.42",
    "openpyxl>=3.1",
    "opencc>=1.1.9",
    "babel>=2.14",
    "plaster_pastedeploy>=1.0",
    "pyramid_services>=2.2",
    "markdown-it-py>=3.0",
    "nh3>=0.2.14",
    "pyyaml>=6.0",
    "pypinyin>=0.50",
    "tzdata>=2024.1",
    "argon2-cffi>=23.1",
    "segno>=1.6",
]

tests_require = [
    "pytest>=8.0",
    # the test command runs on every core (pytest.ini)
    "pytest-xdist>=3.5",
    "webtest>=3.0",
    "beautifulsoup4>=4.12",
    "lingua>=4.15",
    "polib>=1.2",
    "selenium>=4.20",
    # property tests (tests/functional/test_properties.py)
    "hypothesis>=6.100",
    # tools/ci_wheel.sh builds the wheel with `python -m build`
    "build>=1.0",
    # API answers validated against the OpenAPI document (tests/functional/api/test_schemas.py)
    "jsonschema[format-nongpl]>=4.18",
]

setup(
    name="huizhou-guide",
    version="0.1.0",
    description="Searchable, multilingual service guides for Huizhou's administrative service items",
    # Namespace discovery: the folders of templates and static files are part of the package too.
    packages=find_namespace_packages(include=["guide", "guide.*"], exclude=["*.__pycache__"]),
    include_package_data=True,
    zip_safe=False,
    python_requires=">=3.11",
    install_requires=requires,
    extras_require={
        "test": tests_require,
        # tools/calendar/seed_from_chinese_calendar.py: regenerates content/calendar/holidays.csv
        "tools": ["chinesecalendar>=1.9"],
    },
    cmdclass={"build_py": build_py_with_catalogues},
    entry_points={
        "paste.app_factory": ["main = guide:main"],
        "console_scripts": ["guide = guide.scripts.cli:main"],
    },
)
