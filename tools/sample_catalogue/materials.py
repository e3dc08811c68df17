"""Checklists of materials: picked from a pool by keywords in the item name and by item type.

SAMPLE data: plausible checklists, not copied from official guides.
"""
from __future__ import annotations

import re
import zlib

ON_BEHALF = ("委托他人办理时提供", "if someone applies on your behalf")

#: key -> (name_zh, name_en, originals, copies, requirement, blank_form, note_zh, note_en)
POOL: dict[str, tuple] = {
    "form": ("申请表", "Application form", 1, 0, "required", True, "", ""),
    "filing_form": ("备案表", "Filing form", 1, 0, "required", True, "", ""),
    "ee_form": ("中国公民出入境证件申请表", "Exit-entry document application form", 1, 0, "required", True,
                "可在窗口填写或网上预填", "fill it in at the window or in advance online"),
    "id": ("居民身份证", "Resident identity card", 1, 1, "required", False, "", ""),
    "id_show": ("居民身份证", "Resident identity card", 1, 0, "required", False, "", ""),
    "hukou": ("户口簿", "Household register (hukou booklet)", 1, 1, "required", False, "", ""),
    "hukou_cond": ("户口簿", "Household register (hukou booklet)", 1, 0, "conditional", False,
                   "未满16周岁或非本地户籍人员提供", "for applicants under 16 or without a local hukou"),
    "photo_hall": ("现场采集的证件照片", "Photo taken at the service hall", 0, 0, "required", False,
                   "在窗口现场免费拍摄，无需自带", "taken free of charge at the window; you need not bring one"),
    "photo": ("近期免冠彩色照片", "Recent bareheaded colour photos", 0, 2, "required", False, "", ""),
    "photo_couple": ("近期半身免冠合影照片", "Recent half-length bareheaded photos of the couple", 0, 3,
                     "required", False, "", ""),
    "poa": ("授权委托书及受托人居民身份证", "Power of attorney and the agent's identity card", 1, 1,
            "conditional", False, *ON_BEHALF),
    "bl": ("营业执照", "Business licence", 1, 1, "required", False, "", ""),
    "lr_id": ("法定代表人（负责人）身份证明", "Proof of identity of the legal representative (person in charge)",
              1, 1, "required", False, "", ""),
    "unit_letter": ("单位介绍信", "Letter of introduction from the employer", 1, 0, "required", False, "", ""),
    "marriage": ("结婚证", "Marriage certificate", 1, 1, "required", False, "", ""),
    "marital_cond": ("婚姻状况证明", "Proof of marital status", 1, 1, "conditional", False,
                     "已婚的提供结婚证，离异的提供离婚证或判决书", "marriage certificate if married; divorce certificate or judgment if divorced"),
    "no_marriage_statement": ("本人无配偶以及与对方当事人没有直系血亲和三代以内旁系血亲关系的签字声明",
                              "Signed declaration of having no spouse and no close blood relationship with the other party",
                              1, 0, "required", True, "在窗口现场签署", "signed at the window"),
    "divorce_agreement": ("离婚协议书", "Divorce agreement", 3, 0, "conditional", False,
                          "办理离婚登记时提供", "for divorce registration"),
    "title": ("不动产权证书", "Real estate title certificate", 1, 1, "required", False, "", ""),
    "title_cond": ("不动产权证书或不动产登记证明", "Real estate title certificate or registration certificate",
                   1, 0, "conditional", False, "已办理登记的提供", "if the property is already registered"),
    "purchase": ("购房合同", "House purchase contract", 1, 1, "required", False, "", ""),
    "invoice_house": ("购房发票", "House purchase invoice", 1, 1, "required", False, "", ""),
    "tax_receipt": ("契税等税费完税凭证", "Deed tax and other tax payment receipts", 1, 1, "required", False, "", ""),
    "mortgage_contract": ("抵押合同及主债权合同", "Mortgage contract and principal loan contract", 1, 0,
                          "required", False, "", ""),
    "land_origin": ("土地权属来源证明", "Proof of the origin of land rights", 1, 1, "required", False, "", ""),
    "cadastral": ("不动产权籍调查成果", "Cadastral survey results", 1, 0, "required", False, "", ""),
    "completion": ("建设工程竣工验收备案证明", "Construction completion acceptance filing certificate", 1, 1,
                   "required", False, "", ""),
    "change_proof": ("变更事实证明材料", "Documents proving the change", 1, 1, "required", False, "", ""),
    "lease": ("房屋租赁合同", "Tenancy agreement", 1, 1, "required", False, "", ""),
    "rent_receipt": ("租金支付凭证", "Rent payment receipts", 1, 1, "conditional", False,
                     "按实际租金提取时提供", "if you withdraw on the basis of the actual rent"),
    "bank": ("本人银行卡", "Your bank card", 1, 1, "required", False, "", ""),
    "retire_proof": ("退休证或退休审批表", "Retirement certificate or retirement approval form", 1, 1,
                     "required", False, "", ""),
    "income_proof": ("收入证明", "Proof of income", 1, 0, "required", True, "", ""),
    "down_payment": ("首付款支付凭证", "Proof of down payment", 1, 1, "required", False, "", ""),
    "loan_contract": ("借款合同", "Loan contract", 1, 0, "required", False, "", ""),
    "ssc": ("社会保障卡", "Social security card", 1, 0, "required", False, "", ""),
    "vlic": ("机动车行驶证", "Vehicle licence", 1, 0, "required", False, "", ""),
    "vreg": ("机动车登记证书", "Motor vehicle registration certificate", 1, 0, "required", False, "", ""),
    "origin": ("机动车来历凭证", "Proof of vehicle origin (purchase invoice or transfer document)", 1, 0,
               "required", False, "", ""),
    "vehicle_cert": ("机动车整车出厂合格证明或进口凭证", "Vehicle factory certificate of conformity or import documents",
                     1, 0, "required", False, "", ""),
    "purchase_tax": ("车辆购置税完税证明或免税凭证", "Vehicle purchase tax payment or exemption certificate", 1, 0,
                     "required", False, "", ""),
    "insurance": ("机动车交通事故责任强制保险凭证", "Compulsory motor vehicle third-party insurance certificate",
                  1, 0, "required", False, "", ""),
    "inspection": ("机动车安全技术检验合格证明", "Motor vehicle safety inspection certificate", 1, 0,
                   "required", False, "", ""),
    "dl": ("机动车驾驶证", "Driving licence", 1, 0, "required", False, "", ""),
    "medical": ("身体条件证明", "Medical fitness certificate", 1, 0, "required", False,
                "由具备资质的医疗机构出具", "issued by an approved medical institution"),
    "old_cert": ("原证件（证书）", "The original licence or certificate", 1, 0, "required", False, "", ""),
    "old_cert_cond": ("原证件（证书）", "The original licence or certificate", 1, 0, "conditional", False,
                      "证件未遗失的交回原证", "hand it back unless it was lost"),
    "loss": ("遗失声明或情况说明", "Statement of loss", 1, 0, "conditional", False,
             "证件遗失时提供", "if the document was lost"),
    "ee_doc": ("原出入境证件", "Your current exit-entry document", 1, 0, "conditional", False,
               "持有未过期证件时提供", "if you hold one that has not expired"),
    "residence_proof": ("居住证明（房屋租赁合同、不动产权证书或单位住宿证明）",
                        "Proof of residence (tenancy agreement, title certificate or employer accommodation certificate)",
                        1, 1, "required", False, "", ""),
    "work_study": ("就业或就读证明", "Proof of employment or study", 1, 1, "conditional", False,
                   "以就业、就读条件申请时提供", "if you apply on the grounds of work or study"),
    "move_cert": ("准予迁入证明或户口迁移证", "Approval to move in, or household transfer certificate", 1, 0,
                  "required", False, "", ""),
    "relation_proof": ("亲属关系证明材料", "Proof of family relationship", 1, 1, "required", False, "", ""),
    "disab_assess": ("残疾评定表", "Disability assessment form", 1, 0, "required", True,
                     "由指定医疗机构评定后填写", "completed by the designated assessment hospital"),
    "disab": ("残疾人证", "Disability certificate", 1, 1, "required", False, "", ""),
    "income": ("家庭收入及财产状况声明", "Declaration of household income and assets", 1, 0, "required", True,
               "", ""),
    "hardship": ("困难情况证明材料", "Documents proving the hardship", 1, 1, "required", False, "", ""),
    "bills": ("医疗费用票据及费用明细清单", "Medical bills and itemised cost list", 1, 0, "required", False, "", ""),
    "diagnosis": ("疾病诊断证明或病历", "Medical diagnosis or medical records", 1, 1, "required", False, "", ""),
    "diploma": ("学历证书", "Diploma", 1, 1, "required", False, "", ""),
    "putonghua": ("普通话水平测试等级证书", "Putonghua proficiency test certificate", 1, 1, "required", False, "", ""),
    "teacher_medical": ("教师资格认定体检表", "Teacher qualification medical examination form", 1, 0, "required",
                        True, "", ""),
    "exam_cert": ("考试合格证明", "Certificate of passing the qualification examination", 1, 1, "required",
                  False, "", ""),
    "qual_cert": ("资格证书", "Professional qualification certificate", 1, 1, "required", False, "", ""),
    "employ_proof": ("拟执业机构聘用证明", "Letter of appointment from the intended employer", 1, 0, "required",
                     False, "", ""),
    "labour": ("劳动合同或解除（终止）劳动关系证明", "Employment contract, or proof that employment ended", 1, 1,
               "required", False, "", ""),
    "charter": ("章程", "Articles of association", 1, 0, "required", False, "", ""),
    "members": ("股东（投资人、合伙人）主体资格证明", "Proof of identity of shareholders (investors or partners)", 1, 1,
                "required", False, "", ""),
    "address": ("住所（经营场所）使用证明", "Proof of the right to use the registered address (business premises)",
                0, 1, "required", False, "", ""),
    "resolution": ("股东会决议或决定", "Shareholders' resolution or decision", 1, 0, "required", False, "", ""),
    "liquidation": ("清算报告或债务清偿承诺", "Liquidation report or undertaking on debts", 1, 0, "required",
                    False, "", ""),
    "premises": ("经营场所使用证明", "Proof of the right to use the business premises", 0, 1, "required", False,
                 "", ""),
    "layout": ("经营场所平面布局图", "Floor plan of the premises", 0, 1, "required", False, "", ""),
    "food_rules": ("食品安全管理制度", "Food safety management rules", 0, 1, "required", False, "", ""),
    "equip": ("主要设施设备清单", "List of main facilities and equipment", 0, 1, "required", False, "", ""),
    "staff_qual": ("专业技术人员资格证明", "Qualification certificates of professional staff", 0, 1, "required",
                   False, "", ""),
    "rules": ("管理制度文本", "Management rules", 0, 1, "required", False, "", ""),
    "tech": ("技术方案或可行性研究报告", "Technical plan or feasibility study", 1, 0, "required", False, "", ""),
    "drawings": ("设计图纸", "Design drawings", 1, 0, "required", False, "", ""),
    "site_plan": ("项目位置图及现场照片", "Site location map and photos", 1, 0, "required", False, "", ""),
    "safety": ("安全管理制度及应急预案", "Safety rules and emergency plan", 0, 1, "required", False, "", ""),
    "health_cert": ("从业人员健康证明", "Health certificates of staff", 0, 1, "required", False, "", ""),
    "commit": ("告知承诺书", "Letter of commitment", 1, 0, "required", True, "", ""),
    "contract": ("相关合同或协议", "Relevant contract or agreement", 1, 1, "required", False, "", ""),
    "report": ("相关报告文本", "The report concerned", 1, 0, "required", False, "", ""),
    "vehicle_list": ("车辆及驾驶人员情况说明", "Details of vehicles and drivers", 1, 0, "required", False, "", ""),
    "ruling_app": ("裁决申请书", "Application for a ruling", 1, 0, "required", True, "", ""),
    "evidence": ("证据材料", "Supporting evidence", 1, 1, "required", False, "", ""),
    "respondent": ("被申请人基本情况", "Details of the other party", 1, 0, "required", False, "", ""),
    "nomination": ("推荐表及事迹材料", "Nomination form and account of achievements", 1, 0, "required", True,
                   "", ""),
    "legal_aid_econ": ("经济困难状况说明表", "Statement of financial hardship", 1, 0, "required", True,
                       "可由申请人如实填写并作出承诺", "you may fill it in yourself and sign an undertaking"),
    "case_docs": ("与法律援助事项有关的材料", "Documents about the matter you need legal aid for", 1, 1, "required",
                  False, "", ""),
    "tax_id": ("经办人身份证件", "Identity document of the person handling the matter", 1, 0, "required", False,
               "", ""),
    "tax_form": ("涉税事项申请表（报告表）", "Tax matter application (report) form", 1, 0, "required", True, "", ""),
    "deal_proof": ("合同、付款凭证等业务证明材料", "Contracts, payment receipts or other proof of the transaction", 1, 1,
                   "required", False, "", ""),
    "invoices": ("已领用的发票及发票领用簿", "Invoices already obtained and the invoice book", 1, 0, "required",
                 False, "", ""),
    "grad_cert": ("毕业证书及就业报到证明", "Graduation certificate and employment check-in documents", 1, 1,
                  "required", False, "", ""),
    "school_proof": ("学生证或在读证明", "Student card or proof of enrolment", 1, 1, "required", False, "", ""),
    "birth_cert": ("出生医学证明", "Birth certificate (Medical Certificate of Birth)", 1, 1, "required", False,
                   "", ""),
    "discharge": ("退出现役证明及档案材料", "Discharge certificate and service records", 1, 1, "required", False, "", ""),
    "injury_cert": ("工伤认定决定书", "Work injury determination", 1, 1, "required", False, "", ""),
    "death_cert": ("死亡证明", "Death certificate", 1, 1, "required", False, "", ""),
    "travel_doc_photo": ("出入境证件照片回执", "Photo receipt for exit-entry documents", 0, 0, "conditional", False,
                         "在照相馆拍照时提供回执，也可在窗口现场拍摄", "if taken at a photo studio; otherwise the photo is taken at the window"),
}

#: (name regex, materials); the first match wins
RULES: list[tuple[str, list[str]]] = [
    (r"护照|通行证签发|出入境证件补发", ["ee_form", "id_show", "photo_hall", "hukou_cond", "ee_doc", "loss"]),
    (r"签注", ["ee_form", "id_show", "ee_doc"]),
    (r"居民身份证办理|身份证跨省|身份证省内", ["hukou", "id_show", "photo_hall"]),
    (r"居民身份证挂失", ["id_show", "hukou_cond"]),
    (r"居住证", ["form", "id", "photo", "residence_proof", "work_study"]),
    (r"户口迁移", ["form", "id", "hukou", "relation_proof", "move_cert"]),
    (r"户口|注销户口|临时身份证明", ["form", "id", "hukou", "change_proof"]),
    (r"无犯罪记录|亲属关系证明", ["form", "id", "relation_proof"]),
    (r"机动车注册登记", ["form", "id", "origin", "vehicle_cert", "purchase_tax", "insurance", "inspection"]),
    (r"机动车转移登记", ["form", "id", "vreg", "vlic", "origin", "inspection"]),
    (r"机动车检验合格标志", ["vlic", "insurance", "inspection"]),
    (r"机动车号牌补领", ["form", "id", "vlic"]),
    (r"驾驶证换证|驾驶证补证", ["form", "id", "dl", "medical", "photo_hall"]),
    (r"不动产首次登记", ["form", "id", "land_origin", "completion", "cadastral"]),
    (r"不动产转移登记", ["form", "id", "title", "purchase", "tax_receipt", "marital_cond"]),
    (r"不动产抵押权登记", ["form", "id", "title", "mortgage_contract"]),
    (r"不动产变更登记", ["form", "id", "title", "change_proof"]),
    (r"不动产注销登记", ["form", "id", "title", "change_proof"]),
    (r"预告登记", ["form", "id", "purchase", "marital_cond"]),
    (r"不动产登记资料查询", ["form", "id"]),
    (r"购买自住住房提取", ["form", "id", "purchase", "invoice_house", "title_cond", "bank"]),
    (r"租赁住房提取", ["form", "id", "lease", "rent_receipt", "bank"]),
    (r"退休提取", ["id", "retire_proof", "bank"]),
    (r"公积金贷款提前还款", ["id", "loan_contract", "bank"]),
    (r"公积金贷款", ["form", "id", "marital_cond", "purchase", "down_payment", "income_proof", "bank"]),
    (r"单位住房公积金", ["form", "bl", "lr_id", "unit_letter"]),
    (r"公积金", ["form", "id"]),
    (r"婚姻登记|结婚登记|离婚登记", ["id", "hukou", "photo_couple", "no_marriage_statement", "divorce_agreement"]),
    (r"补领结婚证", ["form", "id", "hukou", "photo_couple"]),
    (r"收养", ["form", "id", "hukou", "marital_cond", "relation_proof", "photo"]),
    (r"残疾人证新办", ["form", "id", "hukou", "photo", "disab_assess"]),
    (r"残疾人证|残疾类别", ["form", "id", "disab", "photo", "disab_assess"]),
    (r"最低生活保障|特困|临时救助|救助供养|生活补贴|高龄津贴|护理补贴|基本生活", ["form", "id", "hukou", "income", "hardship", "bank"]),
    (r"养老机构", ["filing_form", "bl", "lr_id", "premises", "safety", "commit"]),
    (r"教师资格认定", ["form", "id", "diploma", "putonghua", "teacher_medical", "photo", "commit"]),
    (r"教师资格证书补发", ["form", "id", "loss", "photo"]),
    (r"烟草专卖零售许可证新办", ["form", "id", "bl", "premises"]),
    (r"烟草专卖零售许可证", ["form", "id", "bl", "old_cert"]),
    (r"个体工商户设立", ["form", "id", "address", "poa"]),
    (r"个体工商户", ["form", "id", "bl", "poa"]),
    (r"(公司|企业|合伙|法人|合作社).*(设立|成立)登记", ["form", "charter", "members", "lr_id", "address", "poa"]),
    (r"(公司|企业|合伙|法人|合作社|分公司).*注销", ["form", "resolution", "liquidation", "bl", "poa"]),
    (r"(公司|企业|合伙|法人|合作社|分公司).*(变更|备案)", ["form", "resolution", "bl", "change_proof", "poa"]),
    (r"食品.*(许可|备案)", ["form", "bl", "lr_id", "layout", "food_rules", "health_cert", "poa"]),
    (r"法律援助申请", ["form", "id", "legal_aid_econ", "case_docs", "poa"]),
    (r"发票", ["tax_id", "tax_form", "deal_proof"]),
    (r"社会保障卡申领", ["form", "id", "photo"]),
    (r"社会保障卡", ["id", "ssc"]),
    (r"失业登记", ["id", "labour"]),
    (r"失业保险金申领", ["form", "id", "labour", "bank"]),
    (r"就业登记", ["id", "labour"]),
    (r"退休申请", ["form", "id", "hukou", "photo", "labour"]),
    (r"工伤|伤残待遇|工亡", ["form", "id", "injury_cert", "bills", "bank"]),
    (r"报销|医疗费", ["form", "id", "ssc", "bills", "diagnosis", "bank"]),
    (r"护士|医师|乡村医生", ["form", "id", "qual_cert", "medical", "employ_proof", "photo"]),
    (r"出生医学证明", ["form", "id", "marriage"]),
    (r"预防接种", ["birth_cert", "id"]),
    (r"退役|伤残证件|抚恤", ["form", "id", "discharge", "photo"]),
    (r"高校毕业生|大学生", ["form", "id", "grad_cert"]),
    (r"学生|入学|学籍|助学金|免学费|保教费", ["form", "id", "hukou", "school_proof"]),
]

#: fallbacks by item type and audience
TYPE_DEFAULTS = {
    ("licensing", "enterprise"): ["form", "bl", "premises", "staff_qual"],
    ("licensing", "individual"): ["form", "id", "photo", "qual_cert"],
    ("licensing", "both"): ["form", "id", "bl", "tech"],
    ("confirmation", "enterprise"): ["form", "bl", "evidence"],
    ("confirmation", "individual"): ["form", "id", "hukou", "evidence"],
    ("confirmation", "both"): ["form", "id", "evidence"],
    ("payment", "enterprise"): ["form", "bl", "hardship", "bank"],
    ("payment", "individual"): ["form", "id", "hardship", "bank"],
    ("payment", "both"): ["form", "id", "hardship", "bank"],
    ("ruling", "enterprise"): ["ruling_app", "bl", "lr_id", "respondent", "evidence"],
    ("ruling", "individual"): ["ruling_app", "id", "respondent", "evidence"],
    ("ruling", "both"): ["ruling_app", "id", "respondent", "evidence"],
    ("reward", "enterprise"): ["nomination", "bl"],
    ("reward", "individual"): ["nomination", "id"],
    ("reward", "both"): ["nomination", "id"],
    ("other_power", "enterprise"): ["filing_form", "bl", "report"],
    ("other_power", "individual"): ["filing_form", "id", "report"],
    ("other_power", "both"): ["filing_form", "id", "report"],
    ("public_service", "enterprise"): ["form", "bl", "tax_id"],
    ("public_service", "individual"): ["form", "id"],
    ("public_service", "both"): ["id"],
}

QUERY = re.compile(r"查询|咨询|指引|信息发布")
#: items the applicant must do in person (photo, fingerprints or signature at the window)
IN_PERSON = re.compile(r"护照|通行证|签注|出入境证件|居民身份证|婚|驾驶证换证|驾驶证补证")
PROJECT = re.compile(r"建设|工程|项目|设施|设计|方案")
VEHICLE_BIZ = re.compile(r"运输证|出租汽车|客运|货运|网约车|教练车")


def materials_for(name: str, item_type: str, audience: str, tax_dept: bool) -> list[str]:
    keys: list[str] | None = None
    for pattern, ks in RULES:
        if re.search(pattern, name):
            keys = list(ks)
            break
    if keys is None:
        if QUERY.search(name):
            keys = ["id"] if audience != "enterprise" else ["bl", "tax_id"]
        elif tax_dept:
            keys = ["tax_id", "tax_form"] + (["deal_proof"] if re.search("报告|备案|证明", name) else [])
        else:
            keys = list(TYPE_DEFAULTS[(item_type, audience)])
            if (item_type, audience) == ("licensing", "enterprise"):
                # vary the checklists a little, deterministically
                keys.append(["equip", "rules", "safety", "lr_id"][zlib.crc32(name.encode("utf-8")) % 4])
            if PROJECT.search(name) and item_type in ("licensing", "other_power"):
                keys = [k for k in keys if k not in ("equip", "staff_qual", "rules", "safety", "premises", "report")]
                keys += ["tech", "drawings", "site_plan"]
            if VEHICLE_BIZ.search(name):
                keys = [k for k in keys if k not in ("equip", "staff_qual", "rules", "safety", "premises")]
                keys += ["vehicle_list", "vlic"]
            if re.search(r"变更|换发|换证|延续|注销|终止|过户|转出|转入|延期|校验|复查|复审", name):
                # a change to something already granted needs less than a first application
                keys = [keys[0], "old_cert" if "注销" not in name else "old_cert_cond", keys[1]]
                if "变更" in name or "过户" in name:
                    keys.append("change_proof")
            if re.search(r"补办|补发|补证|补领|遗失", name):
                keys.insert(1, "loss")
    if "poa" not in keys and not QUERY.search(name) and not IN_PERSON.search(name) and item_type != "reward":
        keys.append("poa")
    seen: list[str] = []
    for k in keys:
        if k not in seen:
            seen.append(k)
    return seen[:10]
