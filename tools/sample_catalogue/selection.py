"""Which reference items go into the Huizhou sample catalogue, under which department.

The reference catalogue (../../../shared/data/reference-catalogue/items.json, Guang'an District,
Sichuan) supplies real item names and types. Its departments are mapped to Huizhou's; the items of
its 区行政审批局 (an administrative approval bureau Huizhou does not have) go to the department
that is really responsible, found by keywords.
"""
from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REFERENCE = HERE.parents[2] / "shared" / "data" / "reference-catalogue" / "items.json"

TASK_TYPES = {1: "licensing", 5: "payment", 7: "confirmation", 8: "reward", 9: "ruling",
              10: "other_power", 20: "public_service"}

#: reference department -> Huizhou department code (None: dropped, an office with no counterpart)
DEPARTMENT_MAP = {
    "区公安分局": "gaj", "广安区税务局": "sw", "区人社局": "rsj", "区自然资源和规划局": "zrzy",
    "区司法局": "sfj", "区市监局": "scjg", "区交通运输局": "jtys", "区住建局": "zjj",
    "区医疗保障局": "ylbz", "区文广旅局": "wglt", "区教科体局": "jyj", "区农业农村局": "nync",
    "区卫健局": "wjj", "区民政局": "mzj", "区林业局": "lyj", "区生态环境局": "sthj", "区残联": "cl",
    "区水务局": "swj", "区应急管理局": "yjgl", "区烟草专卖局": "yc", "区气象局": "qxj",
    "区退役军人事务局": "tyjr", "区财政局": "czj", "区商务局": "swuj", "区发改局": "fgj",
    "区经信局": "gxj", "区综合执法局": "cgj", "区行政审批局": "*",
    "区委办": None, "区政府办": None, "区委统战部": None, "区公管办": None,
    "区消防大队": None, "区统计局": None,
}

#: keyword rules, first match wins: for 区行政审批局 items, and for items that another
#: reference department held only because of a local merger (forestry under natural resources,
#: sports under education)
KEYWORD_RULES: list[tuple[str, str]] = [
    ("自行实施义务教育", "jyj"),
    ("宗教|民族成份", "mzzj"),
    ("文旅类社会团体", "wglt"),
    ("社会团体|民办非企业|慈善|墓地", "mzj"),
    ("不定时工作制|人力资源服务|劳务派遣|民办职业培训学校", "rsj"),
    ("公证员", "sfj"),
    ("节能审查", "fgj"),
    ("电力设施", "gxj"),
    ("代理记账", "czj"),
    ("危险化学品|烟花爆竹", "yjgl"),
    ("烟草", "yc"),
    ("渔业|水产|水生野生动物|鱼类|水域滩涂|农业野生植物|国家规定野生植物|蚕种|生鲜乳|种畜禽|兽药|"
     "动物防疫|动物诊疗|农药|拖拉机|机电提灌|农作物种子|食用菌|种子生产经营许可变更|"
     "主要农作物|选育生产经营", "nync"),
    ("护路林|林木|林草|森林|伐区|草原|治沙|陆生野生动物|种子的备案|采种林|分支机构的备案|"
     "不再分装的包装种子", "lyj"),
    ("取水|河道|水利|水库|洪水|行洪|大坝|灌溉", "swj"),
    ("医疗|母婴|护士|医师|乡村医生|放射|中医诊所|公共场所卫生|饮用水供水", "wjj"),
    ("文物|广播|电视|电影|出版物|演出|娱乐|互联网上网|体育|健身气功|攀岩|潜水|游泳|滑雪|运动员|"
     "艺术", "wglt"),
    ("校车|学校|幼儿园|教育机构|义务教育|培训机构|校（园）长|办学许可", "jyj"),
    ("户外广告|宣传品|生活垃圾|环卫|临时性建筑物|占用、挖掘城市道路", "cgj"),
    ("夜间建筑施工|建筑|施工|房屋", "zjj"),
    ("公路|道路运输|超限运输|船舶|非公路标志|平面交叉道口|设计变更核备", "jtys"),
    ("食品|药品|企业|公司|个体工商户|营业执照|市场主体|证照|股权出质|合伙|农民专业合作社|计量|"
     "特种设备", "scjg"),
    ("排污|环评|环境影响", "sthj"),
]

#: reference departments whose items are re-routed by keyword before the plain mapping applies
KEYWORD_DEPARTMENTS = {"区行政审批局", "区自然资源和规划局", "区教科体局"}

#: within those, only these target codes may override the plain mapping (zrzy keeps its
#: planning and mining items; jyj keeps its school items)
OVERRIDE_TARGETS = {"区自然资源和规划局": {"lyj"}, "区教科体局": {"wglt"}}

QUALIFIER = re.compile(
    r"[（(](?:市级/县级|县级行使|县级权限|县级|市级|住建行使|据省政府令[^）)]*|根据省政府349号令[^）)]*)[）)]"
)


@dataclass
class Candidate:
    ref_index: int  # position in the reference (added items: 10000 + their row)
    department: str
    name_zh: str
    task_type: int
    orig_name: str
    group: str
    added: bool = False


def clean_name(name: str) -> str:
    name = QUALIFIER.sub("", name).strip()
    name = name.replace("(", "（").replace(")", "）").replace("\\", "/")
    return name


def route(ref_dept: str, name: str, group: str) -> str | None:
    code = DEPARTMENT_MAP[ref_dept]
    if ref_dept in KEYWORD_DEPARTMENTS:
        text = name + " " + (group if group != "未分类" else "")
        for pattern, target in KEYWORD_RULES:
            if re.search(pattern, text):
                if ref_dept == "区行政审批局" or target in OVERRIDE_TARGETS[ref_dept]:
                    return target
                break
        if code == "*":
            return "zsj"
    return code


def read_tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [row for row in csv.reader(fh, delimiter="\t") if row and not row[0].startswith("#")]


def candidates() -> list[Candidate]:
    data = json.loads(REFERENCE.read_text(encoding="utf-8"))
    out = []
    for i, it in enumerate(data["items"]):
        code = route(it["department"], it["name"], it["group"])
        if code is None:
            continue
        out.append(Candidate(i, code, clean_name(it["name"]), it["task_type"], it["name"], it["group"]))
    for j, (dept, task_type, name) in enumerate(read_tsv(HERE / "added_items.tsv")):
        out.append(Candidate(10000 + j, dept, name, int(task_type), name, "", added=True))
    return out


def select() -> list[Candidate]:
    """The catalogue's items: candidates less duplicates and the items in dropped.tsv."""
    dropped = {row[0] for row in read_tsv(HERE / "dropped.tsv")}
    seen: set[str] = set()
    out = []
    for c in candidates():
        if c.name_zh in dropped or c.name_zh in seen:
            continue
        seen.add(c.name_zh)
        out.append(c)
    return out
