"""Write content/calendar/holidays.csv from the `chinesecalendar` package (pip install chinesecalendar).

    python tools/calendar/seed_from_chinese_calendar.py [FIRST_YEAR]

The package covers the years the State Council has published (up to 2026 in 1.11). Later
years are added to the CSV by hand when the State Council publishes them: the site reads the
CSV, never the package.
"""
import csv
import sys
from pathlib import Path

from chinese_calendar.constants import holidays, workdays

NAMES_ZH = {
    "New Year's Day": "元旦", "Spring Festival": "春节", "Tomb-sweeping Day": "清明节", "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节", "National Day": "国庆节", "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}
OUT = Path(__file__).resolve().parents[2] / "content" / "calendar" / "holidays.csv"


def main(first_year: int) -> None:
    rows = []
    for kind, days in (("holiday", holidays), ("workday", workdays)):
        for day, holiday in days.items():
            if day.year >= first_year:
                name = holiday.value[0] if hasattr(holiday, "value") else str(holiday)
                rows.append((day.isoformat(), kind, NAMES_ZH.get(name, name), name))
    rows.sort()
    with OUT.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["date", "kind", "name_zh", "name_en"])
        writer.writerows(rows)
    print(f"wrote {len(rows)} days from {first_year} to {OUT}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2024)
