#!/usr/bin/env python
"""Build the SAMPLE item catalogue in content/catalogue/ (departments.csv, items.csv, materials.csv).

Item names and types are real (the reference catalogue, see content/README.md); everything else
is plausible sample data. Output is deterministic: run it again and the files are identical.

    python tools/sample_catalogue/make_sample_catalogue.py [--out content/catalogue]
"""
from __future__ import annotations

import argparse
import csv
import random
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import curated  # noqa: E402
from laws import legal_basis  # noqa: E402
from materials import IN_PERSON, POOL, materials_for  # noqa: E402
from selection import HERE as _  # noqa: E402,F401
from selection import read_tsv, select  # noqa: E402

SEED = "huizhou-sample-catalogue-1"
REPO = HERE.parents[1]
QUERIES = REPO.parent / "shared" / "queries" / "search-relevance.tsv"
URL = "https://www.gdzwfw.gov.cn/portal/v2/guide/{code}"

EXPECTED_TOTAL, EXPECTED_FUNCTIONAL, EXPECTED_HALL = 1087, 354, 733

DEPT_COLUMNS = ["code", "name_zh", "name_en", "kind", "phone"]
ITEM_COLUMNS = [
    "code", "name_zh", "name_en", "item_type", "department", "level", "audience", "cross_site_mode",
    "legal_limit_days", "promised_limit_days", "fee_yuan", "fee_note_zh", "fee_note_en", "visits",
    "online_depth", "online_url", "conditions_zh", "conditions_en", "result_zh", "result_en",
    "legal_basis_zh", "legal_basis_en", "phone", "topics", "service",
]
MATERIAL_COLUMNS = ["item_code", "seq", "name_zh", "name_en", "originals", "copies", "requirement",
                    "blank_form", "note_zh", "note_en"]

# --- audience ---------------------------------------------------------------------------------
INDIVIDUAL = re.compile(
    r"个人(?!独资)|居民身份证|身份证明|户口|护照|港澳通行证|台湾通行证|签注|出入境证件|驾驶证(?!培训)|结婚|离婚|婚姻|收养|残疾人|残疾类别|"
    r"残疾儿童|盲人|老年人|儿童|学生|入学|学籍|保教费|退休|失业(?!保险稳岗|保险补贴)|就业登记|就业困难人员(认定|灵活)|"
    r"求职|创业(补贴|担保|培训)|见习申请|公益性岗位申请|社会保障卡|最低生活保障|救助|特困|抚恤|遗属|供养亲属|工伤(?!保险协议|事故|保险参保)|"
    r"伤残|工亡|病残|旧伤|护士|医师(?!定期)|乡村医生|执业兽医|乡村兽医|教师资格|法律援助申请|居住证|无犯罪|亲属关系|"
    r"出生医学|预防接种|住房公积金(?!缴存登记|缴存基数)|城乡居民|灵活就业|企业职工基本养老保险(?!.*欠费)|企业职工养老金|"
    r"参保人员|异地(就医|安置|长期居住|转诊)|常驻异地|到异地|门诊费用|住院费用|生育|医保电子凭证|辅助器具|养蜂|犬类|民族成份|毕业生|大学生|(?<!藏品)(?<!项目)档案|职业指导|职业介绍|"
    r"招聘会|公租房|租赁补贴|公共租赁住房|退役|预备役|高龄|结婚证|住院伙食|职业技能鉴定|特种设备作业人员|公证员|"
    r"基层法律服务工作者执业|体育指导员|运动员|演员|演出经纪人|渔业船舶船员|机动车号牌|职业培训补贴|技能提升|随军|母婴保健专项|建档立卡|资助项目"
)
BOTH = re.compile(
    r"不动产|预告登记|机动车注册|机动车转移|机动车检验|代开|完税|无欠税|税收居民|涉税信息查询|消费纠纷|劳动人事争议|报装|"
    r"咨询|查询|指引|公证业务|公证（|调解|裁决|纠纷|鉴定|文物认定|文物定级|古树名木认定|雷电灾害|申报错误|纳税服务|"
    r"自然人|集会|焰火|住宿登记|抵押备案|维修资金|拖拉机|食品小作坊|食品小经营店|停业|复业"
)
ENTERPRISE = re.compile(
    r"单位|企业|公司|机构|合作社|社会团体|民办非企业|组织|场所|经营|工程|项目|许可|备案|审批|核准|登记|站|厂|店|作坊|"
    r"商|运输|船|设施|发票|税|学校|幼儿园|医院|纳税人|扣缴|采矿|探矿|勘查|批准|审查|审核|验收|评价|方案"
)


def audience_of(name: str) -> str:
    if re.search(r"^单位|用人单位|（单位）|单位参保|参保单位|单位住房公积金|宗教活动场所|母婴保健技术服务(机构)?执业", name):
        return "enterprise"
    if INDIVIDUAL.search(name):
        return "individual"
    if BOTH.search(name):
        return "both"
    if ENTERPRISE.search(name):
        return "enterprise"
    return "both"


# --- topics -----------------------------------------------------------------------------------
TOPIC_RULES = [
    ("housing", r"公积金|不动产|预告登记|房屋|住房|住宅|商品房|物业|维修资金|公租房|租赁补贴|报装|抵押备案|居住证|房地产"),
    ("travel", r"护照|通行证|签注|出入境证件|旅行社"),
    ("vehicles", r"机动车|驾驶证|号牌|驾驶员培训|教练车|出租汽车|网约车|客车租赁|拖拉机|运输证|驾驶培训"),
    ("family", r"结婚|离婚|婚姻|生育|户口|收养|出生|儿童|预防接种|计划生育|亲属关系|居民身份证|母婴|随迁子女|民族成份"),
    ("work", r"失业|就业|职业(?!病)|创业|劳动|招聘|见习|公益性岗位|工伤|劳务派遣|人力资源|执业|资格认定|档案|毕业生|工时|"
             r"裁员|集体合同|伤残待遇|工亡|技能|无犯罪记录"),
    ("retirement", r"养老|退休|高龄|老年人|年金|遗属|供养亲属"),
    ("health", r"医疗|医保|医师|护士|医院|门诊|住院|卫生|体检|药品|药店|生育医疗|生育津贴|母婴|放射诊疗|诊所|乡村医生|"
               r"接种|出生医学|慢特病|就医|健身"),
    ("education", r"学校|教育|教师|学生|入学|学籍|幼儿园|助学金|培训学校|考级|保教费|培训机构|校车|学历|学位"),
    ("social", r"残疾|最低生活保障|救助|特困|孤儿|困难|抚恤|退役|法律援助|流浪|养老机构|零就业|无人抚养|艾滋病|优待|"
               r"高龄津贴|托养|人民调解员|预备役"),
    ("business", r"企业|公司|个体工商户|合伙|合作社|营业|经营许可|经营者|市场主体|股权出质|发票|税务登记|纳税人|"
                 r"增值税|食品.*(许可|备案)|烟草专卖零售|商业|促销|单位住房公积金"),
]


def topics_of(name: str, audience: str, item_type: str) -> str:
    found = [t for t, pattern in TOPIC_RULES if re.search(pattern, name)]
    if not found and audience == "enterprise" and item_type in ("licensing", "other_power", "confirmation") \
            and body_of(name) in ("", "either", "pharmacy", "elderly"):  # a school, a temple ... is no business
        found = ["business"]
    return ";".join(found)


# --- service line -------------------------------------------------------------------------------
#: (department, name regex, service): the line of a department's work an item belongs to, where the
#: department's windows split by it (content/centers/windows.csv `services`); first match wins
SERVICE_RULES = [
    ("gaj", r"护照|通行证签发|通行证签注|签注|出入境证件", "exit-entry"),
    ("gaj", r"外国人", "foreigners"),
    ("gaj", r"驾驶证", "driving-licences"),
    ("gaj", r"机动车|号牌", "vehicles"),
    ("gaj", r"户口|身份证|居住证|临时身份证明|无犯罪记录|亲属关系|被拐儿童|弃婴|非正常死亡", "household"),
]


def service_of(department: str, name: str) -> str:
    for dept, pattern, service in SERVICE_RULES:
        if dept == department and re.search(pattern, name):
            return service
    return ""


# --- level ------------------------------------------------------------------------------------
DISTRICT_NAME = re.compile(r"乡村|农村|乡（镇）|村|小作坊|小经营店|拖拉机|养蜂|兽医|县级|辖区|农民专业合作社|渔业|"
                           r"个体工商户|临时救助|最低生活保障|特困|高龄津贴|困难残疾人|重度残疾人")
DISTRICT_QUALIFIER = re.compile(r"县级(?!行使)|县级权限")


def level_of(kind: str, name: str, orig_name: str) -> str:
    if kind == "functional":
        return "municipal"
    if DISTRICT_QUALIFIER.search(orig_name) or DISTRICT_NAME.search(name):
        return "district"
    return "municipal"


# --- time limits, fees, online service -----------------------------------------------------------
#: name regex -> (legal days, promised days)
LIMITS = [
    (r"普通护照|往来港澳通行证签发|往来台湾通行证签发|出入境证件补发", (15, 7)),
    (r"签注", (7, 3)),
    (r"居民身份证办理|身份证跨省|身份证省内", (60, 15)),
    (r"居住证", (15, 7)),
    (r"户口迁移", (20, 10)),
    (r"机动车注册登记|机动车转移登记", (2, 1)),
    (r"机动车号牌补领", (15, 5)),
    (r"驾驶证换证|驾驶证补证|检验合格标志|婚姻登记|补领结婚证|社会保障卡补领|无犯罪记录", (1, 0)),
    (r"不动产登记资料查询|缴存证明", (0, 0)),
    (r"不动产(首次|转移|变更|注销)登记", (30, 5)),
    (r"不动产抵押权登记|预告登记", (30, 3)),
    (r"提取住房公积金", (3, 1)),
    (r"公积金贷款提前还款", (5, 1)),
    (r"个人住房公积金贷款", (15, 7)),
    (r"公积金", (5, 1)),
    (r"法律援助申请", (7, 5)),
    (r"教师资格认定", (30, 20)),
    (r"残疾人证新办", (20, 10)),
    (r"最低生活保障", (30, 20)),
    (r"代开|发票领用|发票验|开具", (0, 0)),
]

FEES = [
    (r"普通护照签发", "120", "护照工本费：120元/本", "Passport fee: 120 yuan per passport"),
    (r"往来港澳通行证签发", "60", "电子往来港澳通行证：60元/证", "Electronic permit: 60 yuan per permit"),
    (r"往来台湾通行证签发", "60", "电子往来台湾通行证：60元/证", "Electronic permit: 60 yuan per permit"),
    (r"往来港澳通行证签注", "15", "签注：15元/次", "Endorsement: 15 yuan per endorsement"),
    (r"出入境证件补发", "60", "按补发证件收费：通行证60元/证，护照120元/本",
     "By document: 60 yuan per permit, 120 yuan per passport"),
    (r"居民身份证办理", "20", "申领、换领20元/证；丢失补领、损坏换领40元/证；临时居民身份证10元/证",
     "20 yuan per card for a new or renewed card; 40 yuan to replace a lost or damaged card; 10 yuan for a temporary card"),
    (r"机动车驾驶证换证|机动车驾驶证补证", "10", "驾驶证工本费：10元/证", "Driving licence fee: 10 yuan per licence"),
    (r"机动车号牌补领", "100", "汽车号牌工本费：100元/副", "Number plate fee: 100 yuan per pair of car plates"),
    (r"机动车注册登记", "110", "号牌工本费100元/副，行驶证工本费10元/证",
     "Number plates 100 yuan per pair; vehicle licence 10 yuan"),
    (r"机动车转移登记", "10", "行驶证工本费10元/证；需换发号牌的另收100元/副",
     "Vehicle licence 10 yuan; 100 yuan more per pair if new plates are issued"),
    (r"不动产(首次|转移)登记|不动产抵押权登记", "80", "住宅80元/件；非住宅550元/件",
     "Housing: 80 yuan per case; non-housing: 550 yuan per case"),
]

#: items a person cannot do without coming in (photo, fingerprints, signature): never online-only
NEVER_ONLINE = re.compile(IN_PERSON.pattern + r"|机动车注册|机动车转移|号牌|户口|残疾人证新办|社会保障卡申领|教师资格认定")

DEPTH_WEIGHTS = {
    "public_service": [10, 22, 40, 28],
    "licensing": [6, 24, 55, 15],
    "confirmation": [10, 30, 45, 15],
    "payment": [10, 30, 45, 15],
    "other_power": [10, 30, 45, 15],
    "ruling": [30, 50, 20, 0],
    "reward": [40, 50, 10, 0],
}
MODES = ["collect_forward", "handle_local_approve", "accept_transfer"]


def limits_of(name: str, item_type: str, rng: random.Random) -> tuple[int, int]:
    for pattern, lim in LIMITS:
        if re.search(pattern, name):
            return lim
    if item_type == "licensing":
        legal = rng.choice([20, 20, 20, 15, 30])
        return legal, rng.choice([5, 5, 7, 10])
    if item_type == "public_service":
        if rng.random() < 0.6 or re.search(r"查询|咨询|指引", name):
            return 0, 0
        legal = rng.choice([5, 10, 15, 20])
        return legal, rng.randint(1, min(5, legal))
    if item_type == "confirmation":
        legal = rng.choice([20, 20, 30])
        return legal, rng.choice([3, 5, 7, 10])
    if item_type == "payment":
        legal = rng.choice([20, 30])
        return legal, rng.choice([10, 15, 20])
    if item_type == "ruling":
        return 60, rng.choice([30, 40, 45])
    if item_type == "reward":
        return 60, 30
    legal = rng.choice([5, 10, 15, 20])  # other_power: mostly filings
    return legal, rng.choice([0, 1, 3, 5])


def fee_of(name: str) -> tuple[str, str, str]:
    for pattern, fee, zh, en in FEES:
        if re.search(pattern, name):
            return fee, zh, en
    if re.search(r"不动产(变更|注销)登记|预告登记", name):
        return "0", "不收取登记费", "No registration fee"
    return "0", "", ""


# --- conditions and results ----------------------------------------------------------------------
# What an item does (a first application, a change, a renewal, a cancellation ...) and who applies
# (a company, a school, a religious venue ...) are read from its name, as for the materials.
from materials import PROJECT, VEHICLE_BIZ, action_of, body_of, doc_of  # noqa: E402

#: (name regex, conditions zh, conditions en); the first match wins
CONDITIONS = [
    (r"护照|通行证签发|出入境证件补发",
     "惠州市户籍居民，或在惠州居住、工作、学习的非本地户籍内地居民（全国通办）；无法律规定不准出境的情形。",
     "Residents with Huizhou household registration, or mainland residents registered elsewhere who live, work or "
     "study in Huizhou (the service is available nationwide); not barred from leaving the country by law."),
    (r"签注", "持有有效往来港澳通行证的内地居民，赴港澳旅游、探亲、商务等。",
     "Mainland residents holding a valid exit-entry permit for Hong Kong and Macao who travel there for tourism, "
     "family visits, business or other purposes."),
    (r"居民身份证(?!明)", "年满十六周岁的中国公民应当申领，未满十六周岁的可以申领；户籍在惠州，或按规定在惠州异地办理。",
     "Chinese citizens aged 16 or over must apply and those under 16 may apply; applicants with Huizhou household "
     "registration, or applying in Huizhou away from their place of household registration as the rules allow."),
    (r"居住证", "离开常住户口所在地，在惠州居住半年以上，且有合法稳定就业、合法稳定住所或连续就读之一的公民。",
     "Citizens who have lived in Huizhou for six months or more away from their place of household registration "
     "and have a stable job, a stable legal residence or are enrolled in continuous study."),
    (r"户口", "惠州市户籍居民，或符合惠州市入户政策的人员。",
     "Residents with Huizhou household registration, or people who meet Huizhou's household registration policy."),
    (r"机动车注册|机动车转移|机动车号牌|机动车检验合格标志",
     "机动车所有人为惠州市居民或住所在惠州的单位，车辆已投保交强险且安全技术检验合格。",
     "The vehicle owner lives in Huizhou or is an organisation based in Huizhou; the vehicle has compulsory "
     "insurance and has passed its safety inspection."),
    (r"机动车驾驶证(换证|补证)", "持有有效机动车驾驶证，身体条件符合规定，且驾驶证未被吊销、注销。",
     "Holders of a valid driving licence who meet the medical requirements and whose licence has not been revoked "
     "or cancelled."),
    (r"驾驶证(初次申领|增加准驾)", "年满18周岁、身体条件符合要求，并通过拖拉机、联合收割机驾驶人考试的人员。",
     "People aged 18 or over who meet the medical requirements and pass the tractor and combine harvester "
     "driving test."),
    (r"(拖拉机|联合收割机)(注册登记|临时号牌)|(拖拉机|联合收割机)转入",
     "拖拉机、联合收割机的所有人（个人或单位），机具来历合法，并经安全技术检验合格。",
     "Owners (individuals or organisations) of a lawfully acquired tractor or combine harvester that has passed "
     "its safety inspection."),
    (r"(拖拉机|联合收割机)转移登记", "拖拉机、联合收割机所有权转移后的新所有人，机具经安全技术检验合格。",
     "The new owner of a tractor or combine harvester after a change of ownership; the machine has passed its "
     "safety inspection."),
    (r"注销抵押", "抵押权已消灭或抵押权人同意解除抵押的，由抵押人和抵押权人共同申请。",
     "The borrower and the lender together, once the loan is repaid or the lender agrees to release the mortgage."),
    (r"(拖拉机|联合收割机)抵押登记", "以拖拉机、联合收割机设定抵押的所有人和抵押权人，共同申请。",
     "The owner of the tractor or combine harvester and the lender, applying together."),
    (r"驾驶证恢复驾驶资格", "驾驶证因逾期未换证、未审验等原因被注销，需要恢复驾驶资格的人员。",
     "People whose driving licence was cancelled (for example because it was not renewed or checked in time) and "
     "who want it restored."),
    (r"^不动产|^预告登记", "不动产的权利人或利害关系人，材料齐全、权属清楚；共有不动产由共有人共同申请。",
     "Owners of the real estate or other interested parties, with complete documents and clear title; co-owned "
     "property is applied for by all co-owners together."),
    (r"抵押备案", "房屋抵押合同的当事人（抵押人和抵押权人）。",
     "The parties to the mortgage contract (the borrower and the lender)."),
    (r"提取住房公积金", "在惠州正常缴存住房公积金的职工，符合所提取情形，且同一情形未重复提取。",
     "Employees paying into a housing provident fund in Huizhou whose case meets the withdrawal rules and who "
     "have not withdrawn for the same reason before."),
    (r"公积金贷款", "连续足额缴存住房公积金满6个月，在惠州购买自住住房，且本人及配偶无未还清的住房公积金贷款。",
     "Employees who have paid in full for at least six months running, are buying a home to live in in Huizhou, "
     "and have no outstanding housing provident fund loan (nor has their spouse)."),
    (r"单位住房公积金", "在惠州依法设立的单位。", "Employers legally established in Huizhou."),
    (r"公积金", "在惠州缴存住房公积金的职工。", "Employees paying into a housing provident fund in Huizhou."),
    (r"离婚", "自愿离婚并对子女抚养、财产及债务处理等事项协商一致的夫妻双方（内地居民），双方须亲自到场。",
     "Married couples (mainland residents) who both want to divorce and have agreed on the children, property and "
     "debts; both must come in person."),
    (r"补领结婚证", "在内地登记结婚、结婚证遗失或损毁的当事人。",
     "People who married in the mainland and whose marriage certificate has been lost or damaged."),
    (r"结婚|婚姻登记", "内地居民男年满22周岁、女年满20周岁，双方自愿，均无配偶，且没有直系血亲和三代以内旁系血亲关系。",
     "Mainland residents, men aged 22 or over and women aged 20 or over, both consenting, neither already married, "
     "and not closely related by blood."),
    (r"残疾人证注销", "残疾人证持证人因残疾状况改变、死亡等原因需要注销的，由本人或其亲属申请。",
     "Holders whose disability no longer meets the standard, or the relatives of a holder who has died."),
    (r"残疾人证", "符合《残疾人残疾分类和分级》标准的惠州市户籍残疾人。",
     "People with Huizhou household registration whose disability meets the national classification and grading "
     "standard."),
    (r"流浪乞讨", "在惠州生活无着的流浪、乞讨人员，可本人求助，也可由公安、城管等部门护送、引导到救助站。",
     "Homeless people and beggars in Huizhou without means of support; they may ask for help themselves or be "
     "brought to the assistance station by the police or other officials."),
    (r"自然灾害", "因自然灾害造成住房倒损、基本生活困难或需要紧急转移安置的受灾群众。",
     "People affected by a natural disaster whose home was damaged, who cannot meet their basic needs or who had "
     "to be evacuated."),
    (r"事实无人抚养儿童", "父母双方均符合重残、重病、服刑、失联等情形之一，事实上无人抚养的惠州市户籍儿童，由监护人申请。",
     "Children with Huizhou household registration whose parents both cannot look after them (severe disability "
     "or illness, prison, missing or similar); their guardian applies."),
    (r"艾滋病病毒感染儿童", "感染艾滋病病毒、未满18周岁的惠州市户籍儿童，由监护人申请。",
     "Children under 18 with Huizhou household registration who are living with HIV; their guardian applies."),
    (r"人民调解员因从事工作", "因从事人民调解工作致伤致残的人民调解员，或因此牺牲的人民调解员的近亲属。",
     "People's mediators injured or disabled while mediating, or the close relatives of a mediator who died on duty."),
    (r"高龄津贴", "年满80周岁的惠州市户籍老年人。", "People aged 80 or over with Huizhou household registration."),
    (r"孤儿", "父母双亡，或父母一方死亡、另一方失踪的未满18周岁惠州市户籍儿童，由监护人申请。",
     "Children under 18 with Huizhou household registration whose parents have both died, or one has died and the "
     "other is missing; their guardian applies."),
    (r"最低生活保障|特困|救助|生活补贴|护理补贴",
     "惠州市户籍居民，家庭人均收入和财产状况符合当地社会救助标准。",
     "Residents with Huizhou household registration whose household income and assets per person meet the local "
     "social assistance standard."),
    (r"失业登记", "在法定劳动年龄内、有劳动能力和就业要求、处于无业状态的城乡劳动者。",
     "Workers of working age who are able and willing to work and have no job."),
    (r"社会保障卡", "在惠州参加社会保险的人员。", "People insured under the social insurance scheme in Huizhou."),
    (r"(供养亲属|遗属)[^，]*资格认证", "按月领取供养亲属抚恤金或遗属待遇的人员，每年进行一次资格认证。",
     "People receiving a monthly survivors' pension or benefit; the check is made once a year."),
    (r"养老保险定期待遇领取资格认证", "按月领取养老保险待遇的人员（含在境外居住的人员），每年进行一次资格认证。",
     "People receiving a monthly pension (including those living abroad); the check is made once a year."),
    (r"工伤保险定期待遇领取资格认证", "按月领取工伤保险定期待遇的人员，每年进行一次资格认证。",
     "People receiving regular work injury benefits; the check is made once a year."),
    (r"遗属待遇|丧葬|抚恤金|工亡",
     "参保人员（职工）死亡后，其符合条件的遗属或供养亲属，凭死亡证明和亲属关系证明申请。",
     "The surviving family or dependants of an insured person (employee) who has died, with the death certificate "
     "and proof of relationship."),
    (r"教师资格认定", "具备《中华人民共和国教师法》规定学历，普通话水平达到要求，并通过中小学教师资格考试的中国公民。",
     "Chinese citizens with the qualifications required by the Teachers Law, the required Putonghua level, and "
     "a pass in the primary and secondary school teacher qualification examination."),
    (r"烟草专卖零售许可证新办", "在惠州从事卷烟零售的经营者，经营场所符合当地烟草零售点合理布局规定。",
     "Businesses retailing cigarettes in Huizhou whose premises comply with the local rules on the distribution "
     "of tobacco retailers."),
    (r"个体工商户设立", "有经营能力的公民，有符合规定的经营场所。",
     "Citizens able to run a business who have suitable business premises."),
    (r"法律援助申请|对公民法律援助", "因经济困难没有委托代理人或辩护人的公民，且所涉事项属于法律援助范围。",
     "Citizens who cannot afford a lawyer or defender because of financial hardship, for matters within the "
     "scope of legal aid."),
    (r"法律援助补贴", "办结法律援助案件的律师、基层法律服务工作者和法律援助志愿者。",
     "Lawyers, grassroots legal service workers and volunteers who have completed legal aid cases."),
    (r"人民调解员补贴", "在惠州从事人民调解工作的人民调解员，按调解案件的数量和质量核定。",
     "People's mediators working in Huizhou; the amount depends on the number and quality of cases mediated."),
    (r"公证员免职", "公证员因辞职、调离、退休等原因不再担任公证员的，由所在公证机构提请。",
     "Notaries leaving the post (resignation, transfer, retirement or similar); their notary office applies."),
    (r"养老机构", "依法登记、具备与服务规模相适应的场所、设施和人员的养老服务机构。",
     "Elderly care providers that are legally registered and have premises, facilities and staff suited to "
     "their scale of service."),
    (r"护士新办执业注册", "通过护士执业资格考试、身体健康，并已受聘于拟执业医疗机构的人员。",
     "People who have passed the nurse qualification examination, are in good health and have a job offer from "
     "the medical institution where they will practise."),
    (r"医师新办执业注册", "取得医师资格、身体健康，并已受聘于拟执业医疗机构的人员。",
     "People who hold a physician qualification, are in good health and have a job offer from the medical "
     "institution where they will practise."),
    (r"母婴保健专项技术服务人员", "在取得母婴保健技术服务执业许可的医疗机构工作、持有医师或护士执业证书，并经专项培训考核合格的人员。",
     "Physicians and nurses working at a medical institution licensed for maternal and infant health care "
     "services, who have completed the special training and passed its assessment."),
    (r"特种设备作业人员资格认定取证", "年满18周岁、身体健康，具有相应文化程度并经考试合格的人员。",
     "People aged 18 or over in good health, with the schooling required, who pass the examination."),
    (r"收养", "收养人年满30周岁、无子女或只有一名子女，有抚养、教育和保护被收养人的能力，无不利于被收养人健康成长的违法犯罪记录；"
     "有配偶者须夫妻共同收养。",
     "Adopters aged 30 or over with no child or only one child, able to raise, educate and protect the child, and "
     "with no criminal record harmful to the child; married people adopt together with their spouse."),
    (r"民族成份确认和变更（未满十八岁）", "未满十八周岁、父母双方民族成份不同的公民，可确认或变更为父亲或母亲的民族成份，由父母或监护人申请。",
     "Citizens under 18 whose parents are of different ethnic groups may have the ethnic status of either parent "
     "recorded; a parent or guardian applies."),
    (r"民族成份确认和变更（满十八岁）", "年满十八周岁不满二十周岁、父母双方民族成份不同的公民，可依据父亲或母亲的民族成份申请变更一次。",
     "Citizens aged 18 or 19 whose parents are of different ethnic groups may change, once, to the ethnic status of "
     "either parent."),
    (r"执业兽医", "取得执业兽医资格证书、在动物诊疗机构执业的兽医。",
     "Veterinarians holding a licensed veterinarian qualification who practise at an animal clinic."),
    (r"重大危险源备案、核销", "生产、储存、使用危险化学品构成重大危险源的单位；重大危险源不再构成时申请核销。",
     "Businesses that produce, store or use hazardous chemicals in quantities forming a major hazard; they apply "
     "for write-off when it no longer does."),
    (r"停止供水", "因工程施工、设备维修等原因确需停止供水的城市供水企业。",
     "Water suppliers that must cut off the supply for construction work, equipment repairs or similar."),
    (r"商品房预售许可", "已取得土地使用权证书、建设工程规划许可证和施工许可证，投入开发建设的资金达到工程建设总投资25%以上的房地产开发企业。",
     "Property developers holding the land use right certificate, the construction works planning permit and the "
     "construction permit, who have invested at least 25% of the total construction cost."),
    (r"农村公益性墓地", "需要设置公益性墓地的村民委员会，选址符合规划并经乡镇人民政府审核同意。",
     "Village committees that need a public cemetery for villagers; the site fits the plan and the township "
     "government agrees."),
    (r"农村集体经济组织", "修建水库的农村集体经济组织，项目符合流域规划并有相应的设计文件。",
     "Rural collective economic organisations building a reservoir that fits the river basin plan, with the "
     "design documents ready."),
    (r"招标投标活动投诉|招投标活动投诉", "认为招标投标活动不符合规定的投标人或其他利害关系人，在规定期限内投诉。",
     "Bidders or other interested parties who believe the tendering did not follow the rules, within the time set."),
    (r"撤销变更登记", "变更登记所依据的材料不实或登记有误，需要撤销该次变更登记的市场主体或利害关系人。",
     "Businesses or interested parties asking to revoke a change registration based on false or wrong information."),
    (r"因公司合并（分立）", "因合并、分立需要办理设立、变更或注销登记的公司。",
     "Companies that need to register a new company, a change or a deregistration because of a merger or division."),
    (r"市场主体迁移调档", "住所迁往其他登记机关辖区、需要迁移登记档案的市场主体。",
     "Businesses moving their address to another registration authority's area, whose registration file must "
     "move too."),
    (r"增加、减少证照", "已领取营业执照、需要增加或减少营业执照副本的市场主体。",
     "Businesses that hold a business licence and want more or fewer copies of it."),
    (r"车辆年度审验", "持有道路运输证、按规定每年审验车辆的客货运输经营者。",
     "Passenger and freight operators whose vehicles hold a road transport certificate and must be checked every "
     "year."),
    (r"暂停（终止）协议", "因停业、歇业或其他原因需要暂停或终止医保协议的定点医药机构。",
     "Designated medical institutions or pharmacies that need to suspend or end their agreement (closing, suspending "
     "business or similar)."),
    (r"城乡居民基本养老保险注销", "参保人死亡、出国（境）定居或已转入其他基本养老保险的，由本人或其亲属申请。",
     "When the insured person has died, settled abroad or moved to another basic pension scheme; the person or a "
     "relative applies."),
    (r"中医诊所备案", "取得中医医师资格并经注册、在医疗机构执业满三年的中医医师，或持有医疗机构执业许可证的单位，拟举办中医诊所的。",
     "Traditional Chinese medicine physicians who have practised in a medical institution for at least three years "
     "after registration, or organisations holding a medical institution practising licence, planning a TCM clinic."),
    (r"犬类", "在惠州有固定住所、已为犬只接种狂犬病疫苗的养犬人。",
     "Dog owners with a fixed home in Huizhou whose dog has been vaccinated against rabies."),
    (r"社会组织活动异常名录", "被列入活动异常名录、已纠正有关问题的社会组织。",
     "Social organisations placed on the list of irregular activity that have put the problems right."),
    (r"社会组织自行实施义务教育", "开展文艺、体育等专业训练，需要自行对招收的适龄儿童、少年实施义务教育的社会组织。",
     "Social organisations giving specialised arts or sports training that want to provide compulsory education "
     "to the school-age children they take in."),
    (r"延缓入学|休学", "因身体状况需要延缓入学或者休学的适龄儿童、少年，由其父母或其他监护人申请。",
     "School-age children who need to start school later or take time off for health reasons; their parents or "
     "guardians apply."),
]

#: first applications by organisations that are not businesses: body -> (zh, en)
BODY_CONDITIONS = {
    "social_org_new": (
        "拟成立社会团体的发起人：已经业务主管单位同意，有50个以上个人会员或30个以上单位会员（混合组成的会员总数不少于50个），"
        "有规范的名称、固定住所、专职工作人员和不少于3万元的活动资金。",
        "Founders of a proposed social organisation, with the supervising body's consent; at least 50 individual "
        "members or 30 organisation members (at least 50 in total if mixed), a proper name, fixed premises, staff "
        "and at least 30,000 yuan of funds."),
    "pne_new": (
        "利用非国有资产举办非营利性社会服务机构的单位或个人：经业务主管单位同意，有规范的名称、必要的组织机构、"
        "相适应的从业人员、合法财产和固定住所。",
        "Organisations or individuals setting up a non-profit social service provider with non-state assets: with "
        "the supervising body's consent, a proper name, the necessary management, suitable staff, lawful assets "
        "and fixed premises."),
    "school_new": (
        "学校（幼儿园）的举办者，即具有法人资格的单位或具有完全民事行为能力的公民：有符合标准的校舍场地、设施设备、"
        "合格的教师和稳定的办学经费。",
        "The sponsor of the school or kindergarten (an organisation with legal person status, or an adult citizen), "
        "with premises, equipment, qualified teachers and stable funding that meet the standards."),
    "medical_new": (
        "拟举办医疗机构的单位或个人：选址和规模符合当地医疗机构设置规划，有相应的场所、设备和卫生技术人员。",
        "Organisations or individuals planning a medical institution whose site and size fit the local plan for "
        "medical institutions, with suitable premises, equipment and health professionals."),
    "religious_new": (
        "由宗教团体提出申请（临时活动地点也可由信教公民代表申请）：当地信教公民有经常进行集体宗教活动的需要，"
        "有拟主持宗教活动的宗教教职人员或符合本宗教规定的其他人员，有必要的资金，布局合理。",
        "A religious body applies (for a temporary site, representatives of the local believers may also apply): "
        "the local believers regularly need a place for collective worship, there is a religious professional or "
        "other suitable person to lead it, the necessary funds are available and the location is reasonable."),
    "religious_register": (
        "经批准筹备设立、已建设完成的宗教活动场所，由其筹备组（管理组织）申请登记。",
        "Religious venues whose preparation was approved and whose building is complete; the preparatory group "
        "(management committee) applies."),
    "religious": ("已依法登记的宗教活动场所，由其管理组织申请。",
                  "Registered religious venues, through their management committee."),
    "social_org": ("已依法登记的社会团体。", "Registered social organisations."),
    "pne": ("已依法登记的民办非企业单位。", "Registered private non-enterprise units."),
    "charity": ("以开展慈善活动为宗旨、已依法登记的社会团体、基金会或社会服务机构。",
                "Social organisations, foundations or social service providers legally registered whose purpose "
                "is charitable work."),
    "social_any": ("已依法登记的社会组织。", "Registered social organisations."),
    "school": ("已取得办学许可证的学校、幼儿园或培训机构。",
               "Schools, kindergartens or training providers holding a school operating licence."),
    "medical": ("持有医疗机构执业许可证，具备相应场所、设备和卫生技术人员的医疗机构。",
                "Medical institutions holding a practising licence, with the premises, equipment and health "
                "professionals required."),
    "pharmacy": ("持有医疗机构执业许可证或药品经营许可证、正常运营的医疗机构和零售药店。",
                 "Medical institutions and retail pharmacies holding a practising or drug operating licence and in "
                 "normal operation."),
    "museum": ("依法设立的博物馆、图书馆和其他文物收藏单位。",
               "Legally established museums, libraries and other collecting institutions."),
    "broadcaster": ("已依法设立的县级广播电台、电视台。", "County radio and television stations legally established."),
    "broadcaster_new": ("拟设立县级广播电台、电视台的单位，有符合规定的节目资源、专业人员、场所、设备和资金。",
                        "The body planning a county radio or television station, with the programmes, professional "
                        "staff, premises, equipment and funds required."),
    "broadcast_station": ("拟设立有线广播电视站的乡镇，或机关、部队、团体、企业事业单位。",
                          "Townships, or government bodies, military units, associations, companies or public "
                          "institutions planning a cable broadcasting station."),
    "organ": ("参加机关事业单位养老保险的机关和事业单位，由经办人办理。",
              "Government bodies and public institutions in the public-sector pension scheme, through a staff member."),
    "either": ("依法设立的企业、事业单位。", "Legally established companies and public institutions."),
    "nonprofit": ("依法登记的事业单位、社会团体、基金会、社会服务机构等非营利组织。",
                  "Registered non-profit organisations: public institutions, social organisations, foundations, social "
                  "service providers and similar."),
}

#: who an action concerns: body or audience -> (zh, en, English relative pronoun)
NOUNS = {
    "individual": ("公民", "people", "who"),
    "enterprise": ("企业或其他组织", "businesses and other organisations", "that"),
    "both": ("单位或个人", "organisations or individuals", "that"),
    "religious": ("宗教活动场所", "religious venues", "that"),
    "religious_new": ("宗教团体", "religious bodies", "that"),
    "religious_register": ("宗教活动场所", "religious venues", "that"),
    "social_org": ("社会团体", "social organisations", "that"),
    "social_org_new": ("社会团体", "social organisations", "that"),
    "pne": ("民办非企业单位", "private non-enterprise units", "that"),
    "pne_new": ("民办非企业单位", "private non-enterprise units", "that"),
    "charity": ("慈善组织", "charities", "that"),
    "social_any": ("社会组织", "social organisations", "that"),
    "organ": ("机关事业单位", "government bodies and public institutions", "that"),
    "either": ("企业事业单位", "companies and public institutions", "that"),
    "school": ("学校、幼儿园或培训机构", "schools, kindergartens and training providers", "that"),
    "school_new": ("学校、幼儿园或培训机构", "schools, kindergartens and training providers", "that"),
    "medical": ("医疗机构", "medical institutions", "that"),
    "medical_new": ("医疗机构", "medical institutions", "that"),
    "pharmacy": ("定点医药机构", "designated medical institutions and pharmacies", "that"),
    "museum": ("博物馆和文物收藏单位", "museums and collecting institutions", "that"),
    "broadcaster": ("广播电台、电视台", "radio and television stations", "that"),
    "broadcaster_new": ("广播电台、电视台", "radio and television stations", "that"),
    "broadcast_station": ("单位", "organisations", "that"),
    "elderly": ("养老机构", "elderly care providers", "that"),
    "nonprofit": ("非营利组织", "non-profit organisations", "that"),
}
#: what the holder already has, by doc_of(): (zh, en)
HAVE = {
    "licence": ("持有有效许可证件", "holding a valid licence or certificate"),
    "registration": ("已依法登记", "already registered"),
    "filing": ("已办理备案", "with a filing on record"),
    "approval": ("已取得批准", "already holding the approval"),
    "": ("已办理该事项", "already registered for it"),
}
#: what an institution already has, whatever the item's document
BODY_HAVE = {
    "school": ("已取得办学许可证", "holding a school operating licence"),
    "medical": ("持有医疗机构执业许可证", "holding a practising licence"),
    "religious": ("已依法登记", "already registered"),
    "social_org": ("已依法登记", "already registered"),
    "pne": ("已依法登记", "already registered"),
    "charity": ("已依法登记", "already registered"),
    "social_any": ("已依法登记", "already registered"),
    "broadcaster": ("已依法设立", "legally established"),
}
DOC_EN = {"licence": "licence", "registration": "registration", "filing": "filing", "approval": "approval",
          "": "registration"}
#: action -> (zh, en) templates; {have}, {noun}, {Noun}, {rel}, {doc} are filled in
ACTION_CONDITIONS = {
    "change": ("{have}、有关事项发生变化需要变更的{noun}。", "{Noun} {have} whose details have changed."),
    "renew": ("{have}、有效期即将届满并仍符合条件的{noun}，在有效期届满前申请。",
              "{Noun} {have} {rel} still meet the conditions and want to continue after it expires; apply before "
              "the expiry date."),
    "replace": ("证件遗失或损坏、需要补发的{noun}。", "{Noun} whose licence or certificate has been lost or damaged."),
    "replace_mixed": ("证件遗失、损坏或需要换发的{noun}。",
                      "{Noun} whose licence or certificate has been lost or damaged, or needs renewing."),
    "cancel": ("{have}、不再从事有关活动或依法应当注销的{noun}。",
               "{Noun} {have} {rel} no longer carry on the activity, or whose {doc} must otherwise be cancelled."),
    "close": ("决定终止（停办），并已妥善处理财产、人员等事项的{noun}。",
              "{Noun} {rel} have decided to close and have settled their assets, staff and other affairs."),
    "filing_cancel": ("已办理备案、不再从事有关活动需要注销备案的{noun}。",
                      "{Noun} {rel} have filed and no longer carry on the activity."),
    "suspend": ("需要暂停经营（停业、歇业）的{noun}。", "{Noun} {rel} need to suspend business for a time."),
    "pause": ("需要暂停办理的{noun}。", "{Noun} {rel} need it suspended for a time."),
    "resume": ("已暂停经营（停业、歇业）或被暂停，现需要恢复的{noun}。",
               "{Noun} whose business or {doc} was suspended and {rel} want to resume."),
    "review": ("{have}、按规定需要定期校验（复审）的{noun}。", "{Noun} {have} {rel} are due for the periodic review."),
    "report": ("已取得许可、发生应当书面报告情形的{noun}，在规定期限内报告。",
               "{Noun} holding the licence, when something they must report happens, within the time set."),
    "filing": ("按规定应当办理备案的{noun}，在规定期限内办理。", "{Noun} required to file this, within the time set."),
    "report_plain": ("按规定应当书面报告的{noun}，在规定期限内报告。", "{Noun} required to report this, within the time set."),
    "filing_start": ("新设立或开始从事有关活动、按规定应当备案的{noun}，在规定期限内办理。",
                     "{Noun} {rel} are setting up or starting the activity and must file it, within the time set."),
}
#: the same for items that issue no document (recorded details): action -> (zh, en)
PLAIN_CONDITIONS = {
    "change": ("信息发生变化、需要办理变更的{noun}。", "{Noun} whose recorded details have changed."),
    "correct": ("发现已申报或登记的信息有误、需要更正的{noun}。",
                "{Noun} {rel} find a mistake in what they declared or registered and need to correct it."),
    "renew": ("有效期即将届满、需要延续的{noun}。", "{Noun} {rel} need to extend it before it expires."),
    "cancel": ("需要办理注销的{noun}。", "{Noun} {rel} need it cancelled."),
    "review": ("按规定需要定期审验的{noun}。", "{Noun} {rel} are due for the periodic check."),
}
#: first applications for construction projects and transport businesses
PROJECT_CONDITIONS = [
    (r"竣工|验收", "建设项目的建设单位：工程已按设计完工，具备验收条件。",
     "The developer of the construction project, once the works are finished as designed and ready for acceptance."),
    (r"建设|工程|施工|用地|规划|设计|管线|拆除|方案|挖掘|防护装置|投资项目",
     "建设项目的建设单位：项目已按规定立项（审批、核准或备案），有相应的设计文件或方案。",
     "The developer of the construction project, once the project has been approved, authorised or filed, with "
     "the design documents or plan ready."),
]
VEHICLE_CONDITIONS = (
    "依法设立的道路运输经营者，车辆技术条件符合要求，驾驶人员取得相应从业资格。",
    "Legally established road transport operators whose vehicles meet the technical standards and whose drivers "
    "hold the required qualifications.")
#: a claim for a payment (not the upkeep of the account it is paid into, nor a review of it)
PAYMENT_CLAIM = (r"^(?!.*(账户|认定|重核|恢复|资格)).*(补贴|津贴|补助金?|奖励|扶助金|贴息|待遇|生活费)[^，、）]{0,6}"
                 r"(申领|申请|发放|支付)")
#: public services and payments that say what they are: (name regex, audience or None, zh, en)
SERVICE_CONDITIONS = [
    (r"咨询|指引", None, "任何有疑问的个人或单位。", "Anyone with a question."),
    (r"(律师|律所|法律服务|司法鉴定|公证机构|公证员).*信息查询", None, "任何个人或单位均可查询。", "Anyone may look this up."),
    (r"查询|打印", "individual", "本人，或经本人委托的人，凭有效身份证件查询。",
     "The person concerned, or someone they authorise, with a valid identity document."),
    (r"查询|打印", "enterprise", "单位经办人凭单位证明材料查询。", "A staff member of the organisation, with its documents."),
    (r"查询|打印", "both", "本人或单位经办人，凭有效身份证件或单位证明材料查询。",
     "The person concerned or a staff member of the organisation, with an identity document or the organisation's "
     "documents."),
    (PAYMENT_CLAIM,
     "enterprise", "符合补贴条件的用人单位，由经办人申请，经审核后发放。",
     "Employers that qualify for the subsidy, through a staff member; paid after review."),
    (PAYMENT_CLAIM,
     None, "符合发放条件的人员，凭有效身份证件申请，经审核后发放。",
     "People who qualify for the payment, applying with a valid identity document; paid after review."),
]
GENERIC_CONDITIONS = {
    ("licensing", "enterprise"): (
        "依法设立的企业或其他组织，具备与申请事项相适应的场所、设施、人员和管理制度。",
        "Legally established businesses or other organisations with premises, facilities, staff and management "
        "rules suited to the activity."),
    ("licensing", "individual"): (
        "年满18周岁、具有完全民事行为能力，并具备申请事项所需资格或条件的公民。",
        "Adults with full civil capacity who have the qualifications or means the activity requires."),
    ("licensing", "both"): (
        "具备申请事项所需场所、设施和人员的公民、法人或其他组织。",
        "Citizens, companies or other organisations with the premises, facilities and staff the activity requires."),
    ("confirmation", None): (
        "与申请事项有直接关系的公民、法人或其他组织，能够提供证明相关事实的材料。",
        "Citizens, legal persons or other organisations directly concerned, able to provide documents proving the "
        "facts."),
    ("payment", None): (
        "符合发放条件的个人或单位，经审核后按规定标准发放。",
        "People or organisations who qualify; paid at the set rate after review."),
    ("ruling", None): (
        "与争议有直接利害关系的当事人，在法定期限内提出申请。",
        "Parties directly concerned by the dispute, applying within the statutory time limit."),
    ("reward", None): (
        "在相关工作中作出突出贡献的单位和个人，经推荐或申报。",
        "Organisations and individuals who have made outstanding contributions in the field, nominated or "
        "applying themselves."),
    ("other_power", None): (
        "需要办理该事项的单位或个人，材料齐全后申请。",
        "Organisations or individuals that need this done, once their documents are ready."),
    ("public_service", "individual"): (
        "有需要的个人，凭有效身份证件办理。", "Anyone who needs it, with a valid identity document."),
    ("public_service", "enterprise"): (
        "有需要的单位，由经办人凭单位证明材料办理。",
        "Organisations that need it, through a staff member with the organisation's documents."),
    ("public_service", "both"): (
        "有需要的个人或单位均可办理。", "Any person or organisation that needs it."),
}

#: (name regex, result zh, result en) that hold whatever the action (cancellations included)
RESULTS_FIRST = [
    (r"不动产注销登记", "注销登记结果告知", "Notice that the registration has been cancelled"),
    (r"注销、报停与恢复营运", "道路运输证注销、报停或恢复营运的办理结果",
     "Confirmation that the certificate has been cancelled, suspended or reinstated"),
    (r"因公司合并（分立）申请设立、变更或注销登记", "营业执照或准予注销登记通知书",
     "A business licence, or notice of approved deregistration"),
    (r"撤销变更登记", "撤销变更登记的决定，恢复变更前的登记事项",
     "A decision revoking the change registration; the earlier registered details are restored"),
    (r"计量标准封存或撤销", "计量标准封存（撤销）通知", "Notice that the measurement standard is sealed or withdrawn"),
    (r"重大危险源备案、核销", "备案（核销）回执", "A filing (or write-off) receipt"),
    (r"免职", "免职决定", "A decision on removal from office"),
    (r"发票作废", "发票作废结果告知", "Confirmation that the invoice has been voided"),
    (r"注销税务登记|税务注销", "清税证明", "A tax clearance certificate"),
    (r"^停业登记", "停业登记核准通知", "Notice approving the suspension of business"),
    (r"^复业登记", "复业登记结果告知", "Notice that business has resumed"),
    (r"暂停（终止）协议", "暂停或终止协议的通知", "Notice that the agreement is suspended or ended"),
    (r"股权出质设立", "股权出质设立登记通知书", "Notice that the equity pledge has been registered"),
    (r"股权出质变更", "股权出质变更登记通知书", "Notice that the change to the equity pledge has been registered"),
    (r"股权出质注销", "股权出质注销登记通知书", "Notice that the equity pledge registration has been cancelled"),
    (r"社会团体成立登记$", "社会团体法人登记证书", "A social organisation legal person registration certificate"),
    (r"民办非企业单位成立登记", "民办非企业单位登记证书", "A private non-enterprise unit registration certificate"),
    (r"(社会团体|民办非企业单位)变更登记$", "变更后的登记证书", "A registration certificate with the changed details"),
    (r"^宗教活动场所登记审批", "宗教活动场所登记证", "A religious venue registration certificate"),
    (r"宗教活动场所法人登记", "宗教活动场所法人登记证书", "A legal person registration certificate for the religious venue"),
    (r"新设采矿权|采矿权延续", "采矿许可证", "A mining licence"),
    (r"矿区范围|采矿权转让|开采主矿种|采矿权人名称", "变更后的采矿许可证", "A mining licence with the changed details"),
    (r"新设探矿权|探矿权(延续|保留)", "勘查许可证", "An exploration licence"),
    (r"勘查范围|勘查主矿种|探矿权转让|探矿权人名称", "变更后的勘查许可证", "An exploration licence with the changed details"),
    (r"残疾人证注销", "残疾人证注销结果告知", "Notice that the disability certificate has been cancelled"),
    (r"流浪乞讨", "救助站提供食宿、医疗、返乡等临时救助",
     "Temporary help from the assistance station: food, shelter, medical care or a ticket home"),
    (r"自然灾害", "救助资金发放到本人账户，或领取救助物资", "Relief money paid into your bank account, or relief supplies"),
    (r"离婚登记预约|结婚登记预约", "预约成功的短信通知", "A text message confirming your appointment"),
    (r"(?<!年检)初审|登记前审查|申请前审查", "审查同意的意见", "An opinion approving the application, for the next step"),
    (r"市场主体迁移调档", "档案迁移（调档）通知", "Notice that the registration file has been transferred"),
    (r"增加、减少证照", "增领的营业执照副本，或缴回副本的记录", "The extra licence copies, or a record of the copies returned"),
    (r"(拖拉机|联合收割机)(?!.*驾驶证)[^，]*(注册登记|转入)", "拖拉机、联合收割机号牌、行驶证和登记证书",
     "Number plates, a licence and a registration certificate for the machine"),
    (r"(拖拉机|联合收割机)[^，]*转移登记", "登记证书签注转移事项，换发行驶证",
     "The transfer is recorded in the registration certificate and a new licence is issued"),
    (r"(拖拉机|联合收割机)[^，]*(?<!注销)抵押登记", "登记证书签注抵押事项", "The mortgage is recorded in the registration certificate"),
    (r"(拖拉机|联合收割机)[^，]*注销抵押", "登记证书签注解除抵押", "The release of the mortgage is recorded in the registration certificate"),
    (r"(拖拉机|联合收割机)[^，]*临时号牌", "临时行驶号牌", "Temporary number plates"),
    (r"收养", "收养登记证", "An adoption registration certificate"),
]
#: results of cancellations, suspensions and the like: (action, name regex or "", zh, en); first match wins
CANCEL_RESULTS = [
    ("cancel", r"(公司|(?<!非)企业|合伙|合作社|个体工商户|分支机构)[^，]*注销登记", "准予注销登记通知书",
     "Notice of approved deregistration"),
    ("cancel", r"终止(?!妊娠)", "准予终止的决定", "A decision approving the closure"),
    ("cancel", r"(护士|医师|医生|工作者)[^，]*注销", "注销执业注册的通知", "Notice that the practice registration has been cancelled"),
    ("cancel", r"登记", "注销登记通知书", "Notice that the registration has been cancelled"),
    ("cancel", r"许可|证|执照|执业|资格", "准予注销通知书", "Notice that the licence has been cancelled"),
    ("cancel", r"审批|批准", "注销（终止）通知", "Notice of cancellation"),
    ("cancel", "", "注销结果告知", "Notice that the cancellation is done"),
    ("filing_cancel", "", "注销备案回执", "A receipt confirming that the filing has been cancelled"),
    ("suspend", r"停业|歇业|报停", "停业（歇业）办理结果通知", "Notice confirming the suspension of business"),
    ("suspend", "", "暂停办理结果通知", "Notice confirming the suspension"),
    ("resume", "", "恢复经营（使用）的办理结果通知", "Notice confirming that you may resume"),
]
#: (name regex, zh, en): what a first application, change, renewal or replacement brings
RESULTS = [
    (r"普通护照", "中华人民共和国普通护照", "An ordinary passport of the People's Republic of China"),
    (r"往来港澳通行证签发", "往来港澳通行证", "Exit-entry permit for travelling to and from Hong Kong and Macao"),
    (r"往来台湾通行证签发", "往来台湾通行证", "Exit-entry permit for travelling to and from Taiwan"),
    (r"签注", "往来港澳通行证签注", "An endorsement on your permit"),
    (r"出入境证件补发", "补发的出入境证件", "A replacement exit-entry document"),
    (r"居民身份证办理|身份证跨省|身份证省内", "居民身份证", "A resident identity card"),
    (r"居住证", "广东省居住证", "A Guangdong residence permit"),
    (r"户口迁移", "准予迁入证明", "Approval to move your household registration"),
    (r"机动车注册登记", "机动车号牌、行驶证和登记证书", "Number plates, vehicle licence and registration certificate"),
    (r"机动车转移登记", "新的机动车行驶证，登记证书签注转移事项",
     "A new vehicle licence; the transfer is recorded in the registration certificate"),
    (r"机动车检验合格标志", "机动车检验合格标志（电子凭证）", "An inspection certificate sticker (electronic)"),
    (r"机动车号牌补领", "机动车号牌", "Number plates"),
    (r"驾驶证换证|驾驶证补证", "机动车驾驶证", "A driving licence"),
    (r"不动产(首次|转移|变更)登记", "不动产权证书", "A real estate title certificate"),
    (r"不动产抵押权登记|预告登记", "不动产登记证明", "A real estate registration certificate"),
    (r"不动产登记资料查询", "不动产登记资料查询结果", "Search results from the real estate register"),
    (r"提取住房公积金", "提取款转入本人银行账户", "The withdrawal is paid into your bank account"),
    (r"个人住房公积金贷款", "住房公积金借款合同，贷款按约发放", "A loan contract; the loan is paid out as agreed"),
    (r"缴存证明", "住房公积金缴存证明", "A certificate of housing provident fund contributions"),
    (r"离婚登记", "离婚证", "A divorce certificate"),
    (r"结婚登记", "结婚证", "A marriage certificate"),
    (r"婚姻登记", "结婚证或离婚证", "A marriage or divorce certificate"),
    (r"补领结婚证", "结婚证", "A marriage certificate"),
    (r"残疾人证", "中华人民共和国残疾人证", "A disability certificate"),
    (r"社会保障卡申领|社会保障卡补领", "社会保障卡", "A social security card"),
    (r"教师资格认定", "教师资格证书", "A teacher qualification certificate"),
    (r"烟草专卖零售许可", "烟草专卖零售许可证", "A tobacco retail licence"),
    (r"(公司|(?<!非)企业|合伙|合作社|个体工商户|分支机构)[^，]*((设立|成立)登记|变更登记|改制登记)", "营业执照", "A business licence"),
    (r"食品.*经营许可", "食品经营许可证", "A food operating licence"),
    (r"法律援助申请", "给予法律援助决定书", "A decision granting legal aid"),
    (r"^代开[^，]*发票$", "代开的发票", "The invoice issued on your behalf"),
    (r"发票领用", "发票", "Invoices"),
    (r"^(?!.*(账户|查询|咨询)).*(最低生活保障|救助|补贴|津贴|补助|资助|扶助金|待遇申领|保险金申领|基本生活费)",
     "待遇按月或一次性发放到本人账户", "Payments made monthly or once to your bank account"),
]
#: results by action and doc_of(): (action, doc) -> (zh, en)
ACTION_RESULTS = {
    ("replace", "licence"): ("补发的证件", "A replacement licence or certificate"),
    ("replace", "filing"): ("补发的备案证明", "A replacement filing certificate"),
    ("replace", "registration"): ("补发的登记证书", "A replacement registration certificate"),
    ("replace", "approval"): ("补发的许可证件", "A replacement licence or certificate"),
    ("renew", "licence"): ("延续（换发）后的证件", "The renewed licence or certificate"),
    ("renew", "registration"): ("延续登记后的证件", "The renewed registration certificate"),
    ("renew", "filing"): ("备案回执", "A filing receipt"),
    ("renew", "approval"): ("准予延续的批准文件", "An approval of the renewal"),
    ("change", "licence"): ("变更后的证件", "The licence or certificate with the changed details"),
    ("change", "registration"): ("变更登记结果通知", "Notice that the registered details have been changed"),
    ("change", "filing"): ("备案回执", "A filing receipt"),
    ("change", "approval"): ("准予变更的批准文件", "An approval of the change"),
    ("review", "licence"): ("校验（复审）结果，记载于证件", "The result of the review, recorded on the licence or certificate"),
    ("review", "filing"): ("审验结果", "The result of the check"),
    ("review", "approval"): ("审查结果", "The result of the review"),
}
GENERIC_RESULTS = {
    "licensing": ("准予行政许可决定书及相应许可证件", "A decision granting the licence, and the licence itself"),
    "confirmation": ("登记或确认证明文件", "A registration or confirmation document"),
    "payment": ("审核结果通知，资金发放到申请人账户", "Notice of the decision; payment into your bank account"),
    "ruling": ("行政裁决书", "An administrative ruling"),
    "reward": ("表彰决定及荣誉证书", "A commendation decision and certificate"),
    "other_power": ("审查意见或批准文件", "A review opinion or approval document"),
    "public_service": ("办理结果告知或相关凭证", "Notice of the outcome or the related document"),
}


def _approval_like(name: str, item_type: str) -> bool:
    """Whether an item that names no document still rests on an earlier approval."""
    return item_type == "licensing" or (item_type == "other_power" and bool(PROJECT.search(name)))


def _fill(template: tuple[str, str], name: str, who: str, item_type: str) -> tuple[str, str]:
    noun_zh, noun_en, rel = NOUNS[who]
    doc = doc_of(name) or ("approval" if _approval_like(name, item_type) else "")
    have_zh, have_en = BODY_HAVE.get(who) or HAVE[doc]
    zh = template[0].format(have=have_zh, noun=noun_zh)
    en = template[1].format(Noun=noun_en[0].upper() + noun_en[1:], have=have_en, rel=rel, doc=DOC_EN[doc])
    return zh, en


def conditions_of(name: str, item_type: str, audience: str) -> tuple[str, str]:
    for pattern, zh, en in CONDITIONS:
        if re.search(pattern, name):
            return zh, en
    action = action_of(name)
    body = body_of(name) if audience != "individual" else ""  # people are never institutions
    who = body or audience
    plain = not doc_of(name) and not _approval_like(name, item_type)
    if action == "new" and body in BODY_CONDITIONS:
        return BODY_CONDITIONS[body]
    if action == "cancel" and re.search(r"终止(?!妊娠)", name) and body:
        return _fill(ACTION_CONDITIONS["close"], name, who, item_type)
    if action == "replace" and re.search(r"换发|换领|换证|补换", name):
        return _fill(ACTION_CONDITIONS["replace_mixed"], name, who, item_type)
    if action == "filing" and PROJECT.search(name) and item_type in ("other_power", "licensing"):
        return ("建设项目的建设单位，在规定期限内办理备案。", "The developer of the construction project, within the time set.")
    if action == "filing" and re.search(r"设立|新增|首次|发放", name):
        return _fill(ACTION_CONDITIONS["filing_start"], name, who, item_type)
    if action == "suspend" and not re.search(r"停业|歇业|报停", name):
        return _fill(ACTION_CONDITIONS["pause"], name, who, item_type)
    if action == "change" and "更正" in name and plain:
        return _fill(PLAIN_CONDITIONS["correct"], name, who, item_type)
    if plain and action in PLAIN_CONDITIONS:
        return _fill(PLAIN_CONDITIONS[action], name, who, item_type)
    if action == "report" and item_type != "licensing":
        return _fill(ACTION_CONDITIONS["report_plain"], name, who, item_type)
    if action in ACTION_CONDITIONS:
        return _fill(ACTION_CONDITIONS[action], name, who, item_type)
    if body in BODY_CONDITIONS:
        return BODY_CONDITIONS[body]
    if action == "new" and item_type in ("licensing", "other_power") and audience != "individual":
        if VEHICLE_BIZ.search(name):
            return VEHICLE_CONDITIONS
        for pattern, zh, en in PROJECT_CONDITIONS:
            if PROJECT.search(name) and re.search(pattern, name):
                return zh, en
    if item_type in ("public_service", "payment"):
        for pattern, who_applies, zh, en in SERVICE_CONDITIONS:
            if re.search(pattern, name) and who_applies in (None, audience):
                return zh, en
    return GENERIC_CONDITIONS.get((item_type, audience)) or GENERIC_CONDITIONS[(item_type, None)]


def result_of(name: str, name_en: str, item_type: str) -> tuple[str, str]:
    for pattern, zh, en in RESULTS_FIRST:
        if re.search(pattern, name):
            return zh, en
    if name.endswith("证明"):  # a certificate: the item issues it, whatever it certifies
        return re.sub(r"^(开具|出具)", "", name), name_en
    action = action_of(name)
    for act, pattern, zh, en in CANCEL_RESULTS:
        if act == action and re.search(pattern, name):
            return zh, en
    if re.search(r"查询|咨询|指引", name):
        return "查询结果或咨询答复", "Search results or an answer to your enquiry"
    for pattern, zh, en in RESULTS:
        if re.search(pattern, name):
            return zh, en
    doc = doc_of(name) or ("approval" if item_type == "licensing" else "")
    if (action, doc) in ACTION_RESULTS and item_type != "public_service":
        return ACTION_RESULTS[(action, doc)]
    if action == "report" and item_type == "licensing":
        return "书面报告回执", "A receipt for your written report"
    if re.search(r"备案", name):
        return "备案回执", "A filing receipt"
    if re.search(r"证明（[^）]*）$", name):
        return re.sub(r"（[^）]*）$", "", name), re.sub(r"\s*\([^)]*\)$", "", name_en)
    if item_type == "licensing" and doc == "approval":
        return "准予行政许可决定书（批准文件）", "A written decision approving the application"
    return GENERIC_RESULTS[item_type]


# --- build -----------------------------------------------------------------------------------------
def build() -> tuple[list[dict], list[dict], list[dict]]:
    departments = [dict(zip(DEPT_COLUMNS, row)) for row in read_tsv(HERE / "departments.tsv")]
    dept_by_code = {d["code"]: d for d in departments}
    names_en = {zh: en for zh, en in read_tsv(HERE / "names_en.tsv")}
    candidates = select()
    written = curated.load()

    order = [d["code"] for d in departments]
    candidates.sort(key=lambda c: (order.index(c.department), c.ref_index))
    seq: Counter = Counter()
    items, materials = [], []
    for c in candidates:
        dept = dept_by_code[c.department]
        seq[c.department] += 1
        code = f"{c.department.upper()}-{seq[c.department]:04d}"
        rng = random.Random(f"{SEED}:{code}")
        item_type = {1: "licensing", 5: "payment", 7: "confirmation", 8: "reward", 9: "ruling",
                     10: "other_power", 20: "public_service"}[c.task_type]
        name_en = names_en[c.name_zh]
        audience = audience_of(c.name_zh)
        depth = rng.choices([1, 2, 3, 4], DEPTH_WEIGHTS[item_type])[0]
        if NEVER_ONLINE.search(c.name_zh):
            depth = min(depth, 3) if depth > 1 else 3
        if depth == 4:
            # (the draw is kept so that the other items' random values stay as they were)
            mode = "online_only" if rng.random() < 0.45 else rng.choice(MODES)
            mode, visits = "online_only", 0  # wholly online: no window to describe
        else:
            mode = rng.choices(MODES, [4, 3, 3] if item_type == "licensing" else [4, 4, 2])[0]
            visits = 2 if (item_type == "licensing" and depth <= 2 and rng.random() < 0.4) else 1
        legal, promised = limits_of(c.name_zh, item_type, rng)
        fee, fee_zh, fee_en = fee_of(c.name_zh)
        cond_zh, cond_en = conditions_of(c.name_zh, item_type, audience)
        res_zh, res_en = result_of(c.name_zh, name_en, item_type)
        basis_zh, basis_en = legal_basis(c.department, c.name_zh, item_type)
        items.append({
            "code": code, "name_zh": c.name_zh, "name_en": name_en, "item_type": item_type,
            "department": c.department, "level": level_of(dept["kind"], c.name_zh, c.orig_name),
            "audience": audience, "cross_site_mode": mode,
            "legal_limit_days": legal, "promised_limit_days": promised,
            "fee_yuan": fee, "fee_note_zh": fee_zh, "fee_note_en": fee_en,
            "visits": visits, "online_depth": depth, "online_url": URL.format(code=code) if depth >= 3 else "",
            "conditions_zh": cond_zh, "conditions_en": cond_en, "result_zh": res_zh, "result_en": res_en,
            "legal_basis_zh": basis_zh, "legal_basis_en": basis_en, "phone": dept["phone"],
            "topics": topics_of(c.name_zh, audience, item_type),
            "service": service_of(c.department, c.name_zh),
        })
        checklist = []
        keys = materials_for(c.name_zh, item_type, audience, c.department == "sw")
        for n, key in enumerate(keys, start=1):
            zh, en, originals, copies, requirement, blank, note_zh, note_en = POOL[key]
            checklist.append({
                "item_code": code, "seq": n, "name_zh": zh, "name_en": en, "originals": originals,
                "copies": copies, "requirement": requirement, "blank_form": "yes" if blank else "",
                "note_zh": note_zh, "note_en": note_en,
            })
        if code in written:
            checklist = curated.apply(items[-1], checklist, written.pop(code))
            item = items[-1]
            item["online_url"] = URL.format(code=code) if item["online_depth"] >= 3 else ""
            if item["online_depth"] < 4 and item["cross_site_mode"] == "online_only":
                item["cross_site_mode"] = "collect_forward"
            if not item["visits"]:
                item["cross_site_mode"] = "online_only"
        if not items[-1]["visits"]:  # nothing is handed in at a window: forms are filled in online
            for m in checklist:
                m["blank_form"] = ""
        materials.extend(checklist)
    if written:
        raise SystemExit(f"curated entries for unknown items: {sorted(written)}")
    return departments, items, materials


# --- checks ------------------------------------------------------------------------------------------
CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")
REQUIRED_ITEM = ["code", "name_zh", "name_en", "item_type", "department", "level", "audience",
                 "cross_site_mode", "legal_limit_days", "promised_limit_days", "fee_yuan", "visits",
                 "online_depth", "conditions_zh", "conditions_en", "result_zh", "result_en",
                 "legal_basis_zh", "phone"]


def check(departments: list[dict], items: list[dict], materials: list[dict]) -> None:
    kind = {d["code"]: d["kind"] for d in departments}
    per_kind = Counter(kind[i["department"]] for i in items)
    assert len(items) == EXPECTED_TOTAL, len(items)
    assert per_kind["functional"] == EXPECTED_FUNCTIONAL, per_kind
    assert per_kind["hall"] == EXPECTED_HALL, per_kind
    assert {d["code"] for d in departments if d["kind"] == "functional"} == {"gaj", "sw", "rsj", "zrzy", "gjj", "sfj"}
    codes = [i["code"] for i in items]
    assert len(set(codes)) == len(codes), "duplicate item codes"
    assert all(re.fullmatch(r"[A-Z0-9-]{3,40}", c) for c in codes)
    assert len({i["name_zh"] for i in items}) == len(items), "duplicate item names"
    for row in departments + items + materials:
        for col, value in row.items():
            if col.endswith("_en") and value:
                assert not CJK.search(str(value)), (col, value)
    for i in items:
        for col in REQUIRED_ITEM:
            assert str(i[col]) != "", (i["code"], col)
        assert 0 <= i["promised_limit_days"] <= i["legal_limit_days"], i["code"]
        assert i["visits"] in (0, 1, 2) and (i["visits"] != 0 or i["online_depth"] == 4), i["code"]
        assert (i["online_depth"] >= 3) == bool(i["online_url"]), i["code"]
        assert i["cross_site_mode"] != "online_only" or i["online_depth"] == 4, i["code"]
        assert not i["online_url"] or i["online_url"].startswith("https://")
    per_item = Counter(m["item_code"] for m in materials)
    for code in codes:
        assert 1 <= per_item[code] <= 10, (code, per_item[code])
    seqs = Counter((m["item_code"], m["seq"]) for m in materials)
    assert max(seqs.values()) == 1
    assert set(per_item) <= set(codes)
    for m in materials:
        for col in ("name_zh", "name_en", "requirement"):
            assert m[col] != "", (m["item_code"], col)
    # every search-relevance query must have an item whose Chinese name holds the expected fragments
    names = [i["name_zh"] for i in items]
    for row in read_tsv(QUERIES):
        fragments = row[2].split("&")
        assert any(all(f in n for f in fragments) for n in names), f"no item for query {row}"


def write(path: Path, columns: list[str], rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "content" / "catalogue")
    args = parser.parse_args(argv)
    departments, items, materials = build()
    check(departments, items, materials)
    args.out.mkdir(parents=True, exist_ok=True)
    write(args.out / "departments.csv", DEPT_COLUMNS, departments)
    write(args.out / "items.csv", ITEM_COLUMNS, items)
    write(args.out / "materials.csv", MATERIAL_COLUMNS, materials)
    print(f"{len(departments)} departments, {len(items)} items, {len(materials)} materials -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
