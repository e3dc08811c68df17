"""The migrations build the schema the models describe, and 0005 turns the guides of before
into revisions without losing text, state or a stale translation."""
import datetime as dt

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from guide import migrations
from guide.models import Base, Guide, GuideRevision
from guide.translations import translation_status


def test_the_migrations_match_the_models(scratch):
    with scratch.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": migrations.include_object})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_0005_turns_guides_into_revisions(blank):
    engine = blank.engine
    with engine.begin() as connection:
        command.upgrade(migrations.alembic_config(connection=connection), "0004")
    when = dt.datetime(2026, 11, 1, 2, 0)
    with engine.begin() as c:
        c.execute(text("INSERT INTO departments (id, code, name_zh, name_en, kind) VALUES (1, 'gaj', '公安局', 'PSB', 'hall')"))
        for item_id, code in ((1, "GAJ-0001"), (2, "GAJ-0002")):
            c.execute(text(
                "INSERT INTO items (id, code, name_zh, name_en, item_type, department_id, level, audience, "
                "cross_site_mode, legal_limit_days, promised_limit_days, fee_fen, visits, online_depth, conditions_zh, "
                "conditions_en, result_zh, result_en, legal_basis_zh, phone, active) VALUES (:id, :code, '护照', "
                "'Passport', 'xzxk', 1, 'municipal', 'individual', 'local', 10, 5, 0, 1, 3, '条件', 'c', '结果', 'r', "
                "'法', '12345', true)"), {"id": item_id, "code": code})
        guides = [  # id, item, locale, state, summary, body, revision, source_revision
            (1, 1, "zh-Hans", "published", "中文摘要", "中文正文\n", 2, None),
            (2, 1, "en", "published", "English summary", "English body\n", 1, 1),  # made from revision 1: stale
            (3, 2, "zh-Hans", "draft", "草稿摘要", "草稿正文\n", 1, None),
        ]
        for gid, item, locale, state, summary, body, revision, source in guides:
            c.execute(text(
                "INSERT INTO guides (id, item_id, locale, state, summary, body, revision, source_revision, updated_at, "
                "published_at) VALUES (:id, :item, :locale, :state, :summary, :body, :revision, :source, :when, "
                ":published)"), dict(id=gid, item=item, locale=locale, state=state, summary=summary, body=body,
                                     revision=revision, source=source, when=when,
                                     published=when if state == "published" else None))
    migrations.upgrade(engine)
    with blank.transaction() as s:
        guides = {(g.item_id, g.locale): g for g in s.query(Guide)}
        source, english, draft = guides[(1, "zh-Hans")], guides[(1, "en")], guides[(2, "zh-Hans")]
        assert (source.published_revision.number, source.published_revision.body) == (1, "中文正文\n")
        assert source.draft_revision is None and source.published_revision.state == "published"
        assert english.published_revision.source_revision == 0  # still stale
        assert draft.published_revision is None
        assert (draft.draft_revision.state, draft.draft_revision.summary) == ("draft", "草稿摘要")
        english_report, _ = translation_status(s)
        assert english_report.stale["guide"] == ["GAJ-0001 (translated from revision 0, source is at 1)"]
        # New revisions get new ids after the migrated ones (PostgreSQL's sequence moved on).
        s.add(GuideRevision(guide=draft, number=2, state="draft", summary="", body="",
                            created_at=dt.datetime.now(dt.timezone.utc), major=False))
        s.flush()
    with engine.begin() as connection:
        command.downgrade(migrations.alembic_config(connection=connection), "0004")
        rows = connection.execute(text("SELECT id, state, summary, revision FROM guides ORDER BY id")).all()
    assert [tuple(r) for r in rows] == [(1, "published", "中文摘要", 1), (2, "published", "English summary", 1),
                                        (3, "draft", "草稿摘要", 1)]
