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
    r"个人(?!独资)|居民身份证|身份证明|户口|护照|通行证|签注|出入境证件|驾驶证(?!培训)|婚|收养|残疾人|残疾类别|"
    r"残疾儿童|盲人|老年人|儿童|学生|入学|学籍|保教费|退休|失业(?!保险稳岗|保险补贴)|就业登记|就业困难人员(认定|灵活)|"
    r"求职|创业(补贴|担保|培训)|见习申请|公益性岗位申请|社会保障卡|最低生活保障|救助|特困|抚恤|遗属|供养亲属|工伤(?!保险协议|事故)|"
    r"伤残|工亡|病残|旧伤|护士|医师(?!定期)|乡村医生|执业兽医|乡村兽医|教师资格|法律援助申请|居住证|无犯罪|亲属关系|"
    r"出生医学|预防接种|住房公积金(?!缴存登记|缴存基数)|城乡居民|灵活就业|企业职工基本养老保险(?!.*欠费)|企业职工养老金|"
    r"参保人员|异地|门诊费用|住院费用|生育|医保电子凭证|辅助器具|养蜂|犬类|民族成份|毕业生|大学生|档案|职业指导|职业介绍|"
    r"招聘会|公租房|租赁补贴|公共租赁住房|退役|预备役|高龄|结婚证|住院伙食|职业技能鉴定|特种设备作业人员|公证员|"
    r"基层法律服务工作者执业|体育指导员|运动员|演员|演出经纪人|渔业船舶船员|机动车号牌|职业培训补贴|技能提升|随军|母婴保健专项"
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
    if re.search(r"^单位|用人单位|（单位）|单位参保|参保单位|单位住房公积金", name):
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
    ("family", r"婚|生育|户口|收养|出生|儿童|预防接种|计划生育|亲属关系|居民身份证|母婴|随迁子女|民族成份"),
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
    if not found and audience == "enterprise" and item_type in ("licensing", "other_power", "confirmation"):
        found = ["business"]
    return ";".join(found)


# --- service line -------------------------------------------------------------------------------
#: (department, name regex, service): the line of a department's work an item belongs to, where the
#: department's windows split by it (content/centers/windows.csv `services`); first match wins
SERVICE_RULES = [
    ("gaj", r"护照|通行证签发|通行证签注|签注|出入境证件", "exit-entry"),
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
CONDITIONS = [
    (r"护照|通行证签发|出入境证件补发",
     "惠州市户籍居民，或在惠州居住、工作、学习的非本地户籍内地居民（全国通办）；无法律规定不准出境的情形。",
     "Residents with a Huizhou hukou, or mainland residents from elsewhere who live, work or study in Huizhou "
     "(the service is available nationwide); not barred from leaving the country by law."),
    (r"签注", "持有有效往来港澳通行证的内地居民，赴港澳旅游、探亲、商务等。",
     "Mainland residents holding a valid exit-entry permit for Hong Kong and Macao who travel there for tourism, "
     "family visits, business or other purposes."),
    (r"居民身份证", "年满十六周岁的中国公民应当申领，未满十六周岁的可以申领；户籍在惠州，或按规定在惠州异地办理。",
     "Chinese citizens aged 16 or over must apply and those under 16 may apply; applicants with a Huizhou hukou, "
     "or applying in Huizhou away from their hukou as the rules allow."),
    (r"居住证", "离开常住户口所在地，在惠州居住半年以上，且有合法稳定就业、合法稳定住所或连续就读之一的公民。",
     "Citizens who have lived in Huizhou for six months or more away from their hukou and have a stable job, "
     "a stable legal residence or are enrolled in continuous study."),
    (r"户口", "惠州市户籍居民，或符合惠州市入户政策的人员。",
     "Residents with a Huizhou hukou, or people who meet Huizhou's household registration policy."),
    (r"机动车注册|机动车转移|号牌|检验合格标志",
     "机动车所有人为惠州市居民或住所在惠州的单位，车辆已投保交强险且安全技术检验合格。",
     "The vehicle owner lives in Huizhou or is an organisation based in Huizhou; the vehicle has compulsory "
     "insurance and has passed its safety inspection."),
    (r"驾驶证", "持有有效机动车驾驶证，身体条件符合规定，且驾驶证未被吊销、注销。",
     "Holders of a valid driving licence who meet the medical requirements and whose licence has not been revoked "
     "or cancelled."),
    (r"不动产|预告登记", "不动产的权利人或利害关系人，材料齐全、权属清楚；共有不动产由共有人共同申请。",
     "Owners of the real estate or other interested parties, with complete documents and clear title; co-owned "
     "property is applied for by all co-owners together."),
    (r"提取住房公积金", "在惠州正常缴存住房公积金的职工，符合所提取情形，且同一情形未重复提取。",
     "Employees paying into a housing provident fund in Huizhou whose case meets the withdrawal rules and who "
     "have not withdrawn for the same reason before."),
    (r"公积金贷款", "连续足额缴存住房公积金满6个月，在惠州购买自住住房，且本人及配偶无未还清的住房公积金贷款。",
     "Employees who have paid in full for at least six months running, are buying a home to live in in Huizhou, "
     "and have no outstanding housing provident fund loan (nor has their spouse)."),
    (r"单位住房公积金", "在惠州依法设立的单位。", "Employers legally established in Huizhou."),
    (r"公积金", "在惠州缴存住房公积金的职工。", "Employees paying into a housing provident fund in Huizhou."),
    (r"婚", "内地居民男年满22周岁、女年满20周岁，双方自愿，且符合《中华人民共和国民法典》规定的条件。",
     "Mainland residents, men aged 22 or over and women aged 20 or over, both consenting and meeting the "
     "conditions of the Civil Code."),
    (r"残疾人证", "符合《残疾人残疾分类和分级》标准的惠州市户籍残疾人。",
     "People with a Huizhou hukou whose disability meets the national classification and grading standard."),
    (r"最低生活保障|特困|救助|生活补贴|高龄津贴|护理补贴",
     "惠州市户籍居民，家庭人均收入和财产状况符合当地社会救助标准。",
     "Residents with a Huizhou hukou whose household income and assets per person meet the local social "
     "assistance standard."),
    (r"失业登记", "在法定劳动年龄内、有劳动能力和就业要求、处于无业状态的城乡劳动者。",
     "Workers of working age who are able and willing to work and have no job."),
    (r"社会保障卡", "在惠州参加社会保险的人员。", "People insured under the social insurance scheme in Huizhou."),
    (r"教师资格认定", "具备《中华人民共和国教师法》规定学历，普通话水平达到要求，并通过中小学教师资格考试的中国公民。",
     "Chinese citizens with the qualifications required by the Teachers Law, the required Putonghua level, and "
     "a pass in the primary and secondary school teacher qualification examination."),
    (r"烟草专卖零售许可", "在惠州从事卷烟零售的经营者，经营场所符合当地烟草零售点合理布局规定。",
     "Businesses retailing cigarettes in Huizhou whose premises comply with the local rules on the distribution "
     "of tobacco retailers."),
    (r"个体工商户", "有经营能力的公民，有符合规定的经营场所。",
     "Citizens able to run a business who have suitable business premises."),
    (r"法律援助", "因经济困难没有委托代理人或辩护人的公民，且所涉事项属于法律援助范围。",
     "Citizens who cannot afford a lawyer or defender because of financial hardship, for matters within the "
     "scope of legal aid."),
    (r"养老机构", "依法登记、具备与服务规模相适应的场所、设施和人员的养老服务机构。",
     "Elderly care providers that are legally registered and have premises, facilities and staff suited to "
     "their scale of service."),
]
GENERIC_CONDITIONS = {
    ("licensing", "enterprise"): (
        "依法设立的企业或其他组织，具备与申请事项相适应的场所、设施、人员和管理制度，符合法律法规规定的条件。",
        "Legally established businesses or other organisations with premises, facilities, staff and management "
        "rules suited to the activity, meeting the conditions set by law."),
    ("licensing", "individual"): (
        "具有完全民事行为能力、符合法律法规规定条件的公民。",
        "Citizens with full civil capacity who meet the conditions set by law."),
    ("licensing", "both"): (
        "符合法律法规规定条件的公民、法人或其他组织。",
        "Citizens, legal persons or other organisations that meet the conditions set by law."),
    ("confirmation", None): (
        "与申请事项有直接关系的公民、法人或其他组织，能够提供证明相关事实的材料。",
        "Citizens, legal persons or other organisations directly concerned, able to provide documents proving the "
        "facts."),
    ("payment", None): (
        "符合国家、广东省和惠州市规定条件的对象，经审核认定后发放。",
        "People who meet the national, Guangdong and Huizhou conditions; paid after review."),
    ("ruling", None): (
        "与争议有直接利害关系的当事人，在法定期限内提出申请。",
        "Parties directly concerned by the dispute, applying within the statutory time limit."),
    ("reward", None): (
        "在相关工作中作出突出贡献的单位和个人，经推荐或申报。",
        "Organisations and individuals who have made outstanding contributions in the field, nominated or "
        "applying themselves."),
    ("other_power", None): (
        "依法应当办理该事项的单位或个人，在规定期限内办理。",
        "Organisations or individuals required by law to do this, within the time set."),
    ("public_service", "individual"): (
        "有需要的个人，凭有效身份证件办理。", "Anyone who needs it, with a valid identity document."),
    ("public_service", "enterprise"): (
        "有需要的单位，由经办人凭单位证明材料办理。",
        "Organisations that need it, through a staff member with the organisation's documents."),
    ("public_service", "both"): (
        "有需要的个人或单位均可办理。", "Any person or organisation that needs it."),
}

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
    (r"号牌补领", "机动车号牌", "Number plates"),
    (r"驾驶证换证|驾驶证补证", "机动车驾驶证", "A driving licence"),
    (r"不动产(首次|转移|变更)登记", "不动产权证书", "A real estate title certificate"),
    (r"不动产抵押权登记|预告登记", "不动产登记证明", "A real estate registration certificate"),
    (r"不动产注销登记", "注销登记结果告知", "Notice that the registration has been cancelled"),
    (r"不动产登记资料查询", "不动产登记资料查询结果", "Search results from the real estate register"),
    (r"提取住房公积金", "提取款转入本人银行账户", "The withdrawal is paid into your bank account"),
    (r"个人住房公积金贷款", "住房公积金借款合同，贷款按约发放", "A loan contract; the loan is paid out as agreed"),
    (r"缴存证明", "住房公积金缴存证明", "A certificate of housing provident fund contributions"),
    (r"婚姻登记", "结婚证或离婚证", "A marriage or divorce certificate"),
    (r"补领结婚证", "结婚证", "A marriage certificate"),
    (r"残疾人证", "中华人民共和国残疾人证", "A disability certificate"),
    (r"社会保障卡申领|社会保障卡补领", "社会保障卡", "A social security card"),
    (r"教师资格认定", "教师资格证书", "A teacher qualification certificate"),
    (r"烟草专卖零售许可", "烟草专卖零售许可证", "A tobacco retail licence"),
    (r"(设立|成立)登记|变更登记", "营业执照", "A business licence"),
    (r"注销登记", "准予注销登记通知书", "Notice of approved deregistration"),
    (r"食品.*许可", "食品经营许可证", "A food business licence"),
    (r"法律援助申请", "给予法律援助决定书", "A decision granting legal aid"),
    (r"代开.*发票", "代开的发票", "The invoice issued on your behalf"),
    (r"发票领用", "发票", "Invoices"),
    (r"最低生活保障|救助|补贴|津贴|补助|资助|扶助金|待遇申领|保险金申领", "待遇按月或一次性发放到本人账户",
     "Payments made monthly or once to your bank account"),
]
GENERIC_RESULTS = {
    "licensing": ("准予行政许可决定书及相应许可证件", "A decision granting the licence, and the licence itself"),
    "confirmation": ("登记或确认证明文件", "A registration or confirmation document"),
    "payment": ("审核结果通知，资金发放到申请人账户", "Notice of the decision; payment into your bank account"),
    "ruling": ("行政裁决书", "An administrative ruling"),
    "reward": ("表彰决定及荣誉证书", "A commendation decision and certificate"),
    "other_power": ("审查意见或批准文件", "A review opinion or approval document"),
    "public_service": ("办理结果告知或相关凭证", "Notice of the outcome or the related document"),
}


def conditions_of(name: str, item_type: str, audience: str) -> tuple[str, str]:
    for pattern, zh, en in CONDITIONS:
        if re.search(pattern, name):
            return zh, en
    return GENERIC_CONDITIONS.get((item_type, audience)) or GENERIC_CONDITIONS[(item_type, None)]


def result_of(name: str, name_en: str, item_type: str) -> tuple[str, str]:
    for pattern, zh, en in RESULTS:
        if re.search(pattern, name):
            return zh, en
    if re.search(r"查询|咨询|指引", name):
        return "查询结果或咨询答复", "Search results or an answer to your enquiry"
    if re.search(r"备案", name):
        return "备案回执", "A filing receipt"
    if re.search(r"证明$|证明（", name):
        return name.split("（")[0], name_en
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
            mode = "online_only" if rng.random() < 0.45 else rng.choice(MODES)
            visits = 0
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
