"""Checklists of materials: picked from a pool by keywords in the item name and by item type.

The item name says what is being done (a first application, a change, a renewal, a replacement, a
cancellation, a filing ...: `action_of`) and often who applies (a school, a hospital, a social
organisation, a religious venue ...: `body_of`). Both decide the checklist where no rule names the
item more closely: a change asks for the current licence and proof of the change, a replacement
for a statement of loss and never the lost document, a cancellation takes the licence back, and an
organisation shows its own registration certificate (a public institution has no business licence).
`make_sample_catalogue.py` uses the same two functions for the conditions and results.

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
    "id_or_bl": ("申请人身份证明", "Proof of the applicant's identity", 1, 1, "required", False,
                 "个人提供居民身份证；单位提供营业执照或其他登记证书", "an ID card for individuals; a business licence or "
                 "other registration certificate for organisations"),
    "hukou": ("户口簿", "Household register", 1, 1, "required", False, "", ""),
    "hukou_cond": ("户口簿", "Household register", 1, 0, "conditional", False,
                   "未满16周岁或非本地户籍人员提供", "for applicants under 16 or without local household registration"),
    "photo_hall": ("现场采集的证件照片", "Photo taken at the service hall", 0, 0, "required", False,
                   "在窗口现场免费拍摄，无需自带", "taken free of charge at the window; you need not bring one"),
    "photo": ("近期免冠彩色照片", "Recent bareheaded colour photos", 0, 2, "required", False, "", ""),
    "photo_couple": ("近期半身免冠合影照片", "Recent half-length bareheaded photos of the couple", 0, 3,
                     "required", False, "", ""),
    "poa": ("授权委托书及受托人居民身份证", "Power of attorney and the agent's identity card", 1, 1,
            "conditional", False, *ON_BEHALF),
    # --- who the applicant is: organisations --------------------------------------------------------
    "bl": ("营业执照", "Business licence", 1, 1, "required", False, "", ""),
    "org_cert": ("单位登记证书（营业执照、事业单位法人证书等）",
                 "Registration certificate of the organisation (business licence, public institution certificate "
                 "or similar)", 1, 1, "required", False, "", ""),
    "legal_cert": ("单位法人登记证书（载明统一社会信用代码）",
                   "The organisation's legal person registration certificate (showing its unified social credit code)",
                   1, 1, "required", False, "", ""),
    "organ_cert": ("机关或事业单位统一社会信用代码证书（事业单位法人证书）",
                   "Unified social credit code certificate of the government body, or public institution legal "
                   "person certificate", 1, 1, "required", False, "", ""),
    "pi_cert": ("事业单位法人证书", "Public institution legal person certificate", 1, 1, "required", False, "", ""),
    "so_cert": ("社会团体法人登记证书", "Social organisation legal person registration certificate", 1, 1,
                "required", False, "", ""),
    "pne_cert": ("民办非企业单位登记证书", "Private non-enterprise unit registration certificate", 1, 1,
                 "required", False, "", ""),
    "charity_cert": ("登记证书（社会团体法人登记证书、基金会法人登记证书或民办非企业单位登记证书）",
                     "Registration certificate (social organisation, foundation or private non-enterprise unit)",
                     1, 1, "required", False, "", ""),
    "so_any_cert": ("社会组织法人登记证书", "Registration certificate of the social organisation", 1, 1, "required",
                    False, "", ""),
    "rv_cert": ("宗教活动场所登记证", "Religious venue registration certificate", 1, 1, "required", False, "", ""),
    "rel_applicant": ("宗教团体法人登记证书或信教公民代表的居民身份证",
                      "Registration certificate of the religious body, or the ID cards of the believers' "
                      "representatives", 1, 1, "required", False, "", ""),
    "school_lic": ("办学许可证", "School operating licence", 1, 1, "required", False, "", ""),
    "school_reg": ("学校法人登记证书（事业单位法人证书或民办非企业单位登记证书）",
                   "Registration certificate of the school (public institution or private non-enterprise unit)",
                   1, 1, "required", False, "", ""),
    "med_lic": ("医疗机构执业许可证", "Medical institution practising licence", 1, 1, "required", False, "", ""),
    "med_setup": ("设置医疗机构批准书", "Approval to set up the medical institution", 1, 1, "required", False, "", ""),
    "pharm_lic": ("医疗机构执业许可证或药品经营许可证", "Medical institution practising licence or drug operating licence",
                  1, 1, "required", False, "", ""),
    "museum_cert": ("法人登记证书（事业单位法人证书或民办非企业单位登记证书）",
                    "Registration certificate of the institution (public institution or private non-enterprise unit)",
                    1, 1, "required", False, "", ""),
    "broadcaster": ("事业单位法人证书及广播电视播出机构许可证",
                    "Public institution legal person certificate and broadcasting licence", 1, 1, "required", False,
                    "", ""),
    "np_cert": ("登记证书（事业单位法人证书、社会团体法人登记证书、基金会法人登记证书或民办非企业单位登记证书）",
                "Registration certificate (public institution, social organisation, foundation or private "
                "non-enterprise unit)", 1, 1, "required", False, "", ""),
    "village_cert": ("村民委员会统一社会信用代码证书", "Unified social credit code certificate of the village committee", 1,
                     1, "required", False, "", ""),
    "collective_cert": ("农村集体经济组织登记证", "Rural collective economic organisation registration certificate", 1, 1,
                        "required", False, "", ""),
    "land_cert": ("土地使用权证书（不动产权证书）", "Land use right certificate (real estate title certificate)", 1, 1,
                  "required", False, "", ""),
    "works_permits": ("建设工程规划许可证和施工许可证", "Construction works planning permit and construction permit", 1, 1,
                      "required", False, "", ""),
    "presale_plan": ("商品房预售方案", "Pre-sale plan for the housing", 1, 0, "required", False, "", ""),
    "complaint": ("投诉书", "Letter of complaint", 1, 0, "required", False, "", ""),
    "parents_ethnic": ("父母的居民身份证或户口簿（载明民族成份）", "Your parents' ID cards or household register showing "
                       "their ethnic status", 1, 1, "required", False, "", ""),
    "elder_cert": ("登记证书（营业执照、民办非企业单位登记证书或事业单位法人证书）",
                   "Registration certificate (business licence, private non-enterprise unit certificate or public "
                   "institution certificate)", 1, 1, "required", False, "", ""),
    "sponsor": ("举办者身份证明（居民身份证或单位登记证书）",
                "Proof of the sponsor's identity (ID card, or the sponsoring organisation's registration certificate)",
                1, 1, "required", False, "", ""),
    "lr_id": ("法定代表人（负责人）身份证明", "Proof of identity of the legal representative (person in charge)",
              1, 1, "required", False, "", ""),
    "unit_letter": ("单位介绍信", "Letter of introduction from the employer", 1, 0, "required", False, "", ""),
    # --- marriage, family -----------------------------------------------------------------------------
    "marriage": ("结婚证", "Marriage certificate", 1, 1, "required", False, "", ""),
    "marital_cond": ("婚姻状况证明", "Proof of marital status", 1, 1, "conditional", False,
                     "已婚的提供结婚证，离异的提供离婚证或判决书", "marriage certificate if married; divorce certificate or judgment if divorced"),
    "no_marriage_statement": ("本人无配偶以及与对方当事人没有直系血亲和三代以内旁系血亲关系的签字声明",
                              "Signed declaration of having no spouse and no close blood relationship with the other party",
                              1, 0, "required", True, "在窗口现场签署", "signed at the window"),
    "no_marriage_cond": ("本人无配偶以及与对方当事人没有直系血亲和三代以内旁系血亲关系的签字声明",
                         "Signed declaration of having no spouse and no close blood relationship with the other party",
                         1, 0, "conditional", True, "结婚登记时在窗口现场签署", "for marriage registration; signed at the window"),
    "marriage_cond": ("结婚证", "Marriage certificate", 1, 0, "conditional", False,
                      "离婚登记时提供", "for divorce registration"),
    "divorce_agreement": ("离婚协议书", "Divorce agreement", 3, 0, "required", False, "", ""),
    "divorce_agreement_cond": ("离婚协议书", "Divorce agreement", 3, 0, "conditional", False,
                               "离婚登记时提供", "for divorce registration"),
    "relation_proof": ("亲属关系证明材料", "Proof of family relationship", 1, 1, "required", False, "", ""),
    "death_cert": ("死亡证明（居民死亡医学证明（推断）书或火化证明）",
                   "Death certificate (medical certificate of death, or cremation certificate)", 1, 1, "required",
                   False, "", ""),
    "death_cond": ("死亡证明及亲属关系证明", "Death certificate and proof of family relationship", 1, 1,
                   "conditional", False, "因本人死亡申请的，由亲属提供", "if the holder has died; brought by a relative"),
    # --- real estate, housing -------------------------------------------------------------------------
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
    "unit_bank": ("单位银行账户信息", "The organisation's bank account details", 1, 1, "required", False, "", ""),
    "retire_proof": ("退休证或退休审批表", "Retirement certificate or retirement approval form", 1, 1,
                     "required", False, "", ""),
    "income_proof": ("收入证明", "Proof of income", 1, 0, "required", True, "", ""),
    "down_payment": ("首付款支付凭证", "Proof of down payment", 1, 1, "required", False, "", ""),
    "loan_contract": ("借款合同", "Loan contract", 1, 0, "required", False, "", ""),
    "ssc": ("社会保障卡", "Social security card", 1, 0, "required", False, "", ""),
    # --- vehicles -------------------------------------------------------------------------------------
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
    "tractor_origin": ("拖拉机、联合收割机来历证明", "Proof of origin of the tractor or combine harvester (purchase "
                       "invoice or transfer document)", 1, 0, "required", False, "", ""),
    "tractor_factory": ("出厂合格证明或进口凭证", "Factory certificate of conformity or import documents", 1, 0,
                        "required", False, "", ""),
    "tractor_reg": ("拖拉机、联合收割机登记证书", "Tractor or combine harvester registration certificate", 1, 0,
                    "required", False, "", ""),
    "tractor_lic": ("拖拉机、联合收割机行驶证", "Tractor or combine harvester licence", 1, 0, "required", False, "", ""),
    "tractor_insp": ("安全技术检验合格证明", "Safety inspection certificate", 1, 0, "required", False, "", ""),
    "tractor_file": ("拖拉机、联合收割机档案资料", "The machine's registration file from the previous registry", 1, 0,
                     "required", False, "", ""),
    "tractor_dl": ("拖拉机、联合收割机驾驶证", "Tractor and combine harvester driving licence", 1, 0, "required",
                   False, "", ""),
    "tractor_dl_file": ("驾驶证档案资料", "The driving licence file from the previous registry", 1, 0, "required",
                        False, "", ""),
    # --- what happens to a licence already held -----------------------------------------------------------
    "old_cert": ("原证件（证书）", "The current licence or certificate", 1, 0, "required", False, "", ""),
    "old_cert_cond": ("原证件（证书）", "The current licence or certificate", 1, 0, "conditional", False,
                      "证件未遗失的交回原证", "hand it back unless it was lost"),
    "old_cert_renew": ("原证件（证书）", "The current licence or certificate", 1, 0, "conditional", False,
                       "换发的交回原证", "for a renewal, hand back the current one"),
    "reg_cert": ("登记证书（证明）", "The registration certificate", 1, 0, "required", False, "", ""),
    "reg_cert_cond": ("登记证书（证明）", "The registration certificate", 1, 0, "conditional", False,
                      "证书未遗失的交回", "hand it back unless it was lost"),
    "filing_cert": ("备案证明（回执）", "The filing certificate or receipt", 1, 0, "required", False, "", ""),
    "filing_cert_cond": ("备案证明（回执）", "The filing certificate or receipt", 1, 0, "conditional", False,
                         "已发放备案证明的交回", "hand it back if one was issued"),
    "old_approval": ("原批准文件", "The original approval", 1, 1, "required", False, "", ""),
    "loss": ("遗失声明或情况说明", "Statement of loss", 1, 0, "conditional", False,
             "证件遗失时提供", "if the document was lost"),
    "loss_req": ("遗失声明或情况说明", "Statement of loss", 1, 0, "required", False,
                 "说明遗失的时间、地点和经过", "say when, where and how it was lost"),
    "self_check": ("持证期间情况报告（自查报告）", "Report on the period the licence was held (self-inspection)", 1, 0,
                   "required", False, "", ""),
    "cancel_resolution": ("注销（终止）决议或决定", "Resolution or decision to cancel (close down)", 1, 0, "required",
                          False, "", ""),
    "settlement": ("清算报告（财产清算情况说明）", "Liquidation report (statement of how assets were settled)", 1, 0,
                   "required", False, "", ""),
    # --- people, work ---------------------------------------------------------------------------------
    "ee_doc": ("原出入境证件", "Your current exit-entry document", 1, 0, "conditional", False,
               "持有未过期证件时提供", "if you hold one that has not expired"),
    "residence_proof": ("居住证明（房屋租赁合同、不动产权证书或单位住宿证明）",
                        "Proof of residence (tenancy agreement, title certificate or employer accommodation certificate)",
                        1, 1, "required", False, "", ""),
    "work_study": ("就业或就读证明", "Proof of employment or study", 1, 1, "conditional", False,
                   "以就业、就读条件申请时提供", "if you apply on the grounds of work or study"),
    "move_cert": ("准予迁入证明或户口迁移证", "Approval to move in, or household transfer certificate", 1, 0,
                  "required", False, "", ""),
    "disab_assess": ("残疾评定表", "Disability assessment form", 1, 0, "required", True,
                     "由指定医疗机构评定后填写", "completed by the designated assessment hospital"),
    "disab": ("残疾人证", "Disability certificate", 1, 1, "required", False, "", ""),
    "disab_back": ("残疾人证", "Disability certificate", 1, 0, "conditional", False,
                   "证件未遗失的交回", "hand it back unless it was lost"),
    "income": ("家庭收入及财产状况声明", "Declaration of household income and assets", 1, 0, "required", True,
               "", ""),
    "hardship": ("困难情况证明材料", "Documents proving the hardship", 1, 1, "required", False, "", ""),
    "eligibility": ("符合条件的证明材料", "Documents showing you qualify", 1, 1, "required", False, "", ""),
    "bills": ("医疗费用票据及费用明细清单", "Medical bills and itemised cost list", 1, 0, "required", False, "", ""),
    "diagnosis": ("疾病诊断证明或病历", "Medical diagnosis or medical records", 1, 1, "required", False, "", ""),
    "diploma": ("学历证书", "Diploma", 1, 1, "required", False, "", ""),
    "putonghua": ("普通话水平测试等级证书", "Putonghua proficiency test certificate", 1, 1, "required", False, "", ""),
    "teacher_medical": ("教师资格认定体检表", "Teacher qualification medical examination form", 1, 0, "required",
                        True, "", ""),
    "exam_cert": ("考试合格证明", "Certificate of passing the qualification examination", 1, 1, "required",
                  False, "", ""),
    "training_cert": ("培训考核合格证明", "Certificate of completing the required training", 1, 1, "required", False,
                      "", ""),
    "qual_cert": ("资格证书", "Professional qualification certificate", 1, 1, "required", False, "", ""),
    "practice_cert": ("执业证书（医师或护士执业证书）", "Practising certificate (physician or nurse)", 1, 1, "required",
                      False, "", ""),
    "employ_proof": ("拟执业机构聘用证明", "Letter of appointment from the intended employer", 1, 0, "required",
                     False, "", ""),
    "labour": ("劳动合同或解除（终止）劳动关系证明", "Employment contract, or proof that employment ended", 1, 1,
               "required", False, "", ""),
    "capacity": ("劳动能力鉴定结论书", "Work capacity assessment conclusion", 1, 1, "required", False, "", ""),
    # --- businesses -------------------------------------------------------------------------------------
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
    "site": ("场所使用证明", "Proof of the right to use the premises", 0, 1, "required", False, "", ""),
    "layout": ("经营场所平面布局图", "Floor plan of the premises", 0, 1, "required", False, "", ""),
    "food_rules": ("食品安全管理制度", "Food safety management rules", 0, 1, "required", False, "", ""),
    "equip": ("主要设施设备清单", "List of main facilities and equipment", 0, 1, "required", False, "", ""),
    "staff_qual": ("专业技术人员资格证明", "Qualification certificates of professional staff", 0, 1, "required",
                   False, "", ""),
    "rules": ("管理制度文本", "Management rules", 0, 1, "required", False, "", ""),
    "tech": ("技术方案或可行性研究报告", "Technical plan or feasibility study", 1, 0, "required", False, "", ""),
    "plan": ("实施方案或情况说明", "Plan, or a written account of what you intend to do", 1, 0, "required", False,
             "", ""),
    "drawings": ("设计图纸", "Design drawings", 1, 0, "required", False, "", ""),
    "site_plan": ("项目位置图及现场照片", "Site location map and photos", 1, 0, "required", False, "", ""),
    "safety": ("安全管理制度及应急预案", "Safety rules and emergency plan", 0, 1, "required", False, "", ""),
    "health_cert": ("从业人员健康证明", "Health certificates of staff", 0, 1, "required", False, "", ""),
    "commit": ("告知承诺书", "Letter of commitment", 1, 0, "required", True, "", ""),
    "contract": ("相关合同或协议", "Relevant contract or agreement", 1, 1, "required", False, "", ""),
    "report": ("相关报告文本", "The report concerned", 1, 0, "required", False, "", ""),
    "vehicle_list": ("车辆及驾驶人员情况说明", "Details of vehicles and drivers", 1, 0, "required", False, "", ""),
    "fin_report": ("近两年财务会计报告", "Financial statements for the last two years", 1, 0, "required", False, "",
                   ""),
    # --- social organisations, schools, religious venues, medical institutions ---------------------------
    "so_approval": ("业务主管单位的批准文件", "Approval from the supervising body", 1, 1, "required", False, "", ""),
    "charter_so": ("章程（草案）", "Constitution (draft)", 1, 0, "required", False, "", ""),
    "constitution": ("章程", "Constitution", 1, 0, "required", False, "", ""),
    "members_list": ("会员名单及发起人、拟任负责人身份证明", "List of members, and ID of the founders and proposed officers",
                     1, 1, "required", False, "", ""),
    "funds": ("验资报告或资金证明", "Capital verification report or proof of funds", 1, 1, "required", False, "", ""),
    "charter_change": ("章程修改草案及会员（代表）大会通过的决议",
                       "Amended constitution and the members' assembly resolution adopting it", 1, 0, "required",
                       False, "", ""),
    "school_plan": ("办学章程及发展规划（含校舍场地、师资和设施设备情况）",
                    "School charter and plan (with details of premises, teachers and equipment)", 1, 0, "required",
                    False, "", ""),
    "np_resolution": ("举办者或理事会（董事会）决议", "Resolution of the sponsor or the board", 1, 0, "required",
                      False, "", ""),
    "rel_need": ("当地信教公民集体宗教活动需要的说明及拟主持宗教活动人员情况",
                 "Statement of the local believers' need, and details of the person who will lead religious activities",
                 1, 0, "required", False, "", ""),
    "rel_prep": ("筹备设立批准文件", "Approval to prepare the religious venue", 1, 1, "required", False, "", ""),
    "mgmt_list": ("管理组织成员名单及身份证明", "List of the management committee members, with their ID", 1, 1,
                  "required", False, "", ""),
    "school_bus": ("校车驾驶人驾驶资格证明", "Proof of the school bus driver's qualification", 1, 1, "required", False,
                   "", ""),
    "supervisor": ("业务主管单位同意筹备（成立）的文件", "Consent of the supervising body", 1, 1, "required", False,
                   "", ""),
    # --- disputes, rewards, legal aid, tax, education ---------------------------------------------------
    "ruling_app": ("裁决申请书", "Application for a ruling", 1, 0, "required", True, "", ""),
    "evidence": ("证据材料", "Supporting evidence", 1, 1, "required", False, "", ""),
    "respondent": ("被申请人基本情况", "Details of the other party", 1, 0, "required", False, "", ""),
    "nomination": ("推荐表及事迹材料", "Nomination form and account of achievements", 1, 0, "required", True,
                   "", ""),
    "legal_aid_econ": ("经济困难状况说明表", "Statement of financial hardship", 1, 0, "required", True,
                       "可由申请人如实填写并作出承诺", "you may fill it in yourself and sign an undertaking"),
    "case_docs": ("与法律援助事项有关的材料", "Documents about the matter you need legal aid for", 1, 1, "required",
                  False, "", ""),
    "aid_closed": ("法律援助案件结案材料", "Closing documents of the legal aid cases handled", 1, 0, "required", False,
                   "", ""),
    "mediation_cases": ("人民调解案件登记表及卷宗", "Register and files of the mediation cases handled", 1, 0,
                        "required", False, "", ""),
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
    "army_spouse": ("随军证明（部队出具）", "Proof of accompanying a service member, issued by the military unit", 1, 1,
                    "required", False, "", ""),
    "mil_disab": ("伤残证件（残疾军人证等）", "Disability pension certificate (disabled service member's certificate "
                  "or similar)", 1, 0, "required", False, "", ""),
    "mil_disab_cond": ("伤残证件（残疾军人证等）", "Disability pension certificate (disabled service member's certificate "
                       "or similar)", 1, 0, "conditional", False, "换发的交回原证",
                       "for a renewal, hand back the current one"),
    "injury_cert": ("工伤认定决定书", "Work injury determination", 1, 1, "required", False, "", ""),
    "project_docs": ("项目中标通知书或施工合同", "Notice of award or construction contract of the project", 1, 1,
                     "required", False, "", ""),
    "accident": ("事故情况说明", "Account of the accident", 1, 0, "required", False, "", ""),
    "travel_doc_photo": ("出入境证件照片回执", "Photo receipt for exit-entry documents", 0, 0, "conditional", False,
                         "在照相馆拍照时提供回执，也可在窗口现场拍摄", "if taken at a photo studio; otherwise the photo is taken at the window"),
    "enquiry": ("与咨询事项有关的材料", "Any papers about your question", 0, 0, "conditional", False,
                "有的话带上，便于工作人员解答", "bring them if you have them; they help staff answer"),
    "dog_vax": ("犬只狂犬病免疫证明", "The dog's rabies vaccination certificate", 1, 1, "required", False, "", ""),
    "dog_photo": ("犬只照片", "Photos of the dog", 0, 2, "required", False, "", ""),
}

# --- what the item does ------------------------------------------------------------------------------
#: (action, name regex); the first match wins. Anything else is a first application ("new").
ACTIONS: list[tuple[str, str]] = [
    ("report", r"书面报告$|报告$"),
    ("suspend", r"停业|歇业|报停|暂停"),
    ("filing_cancel", r"备案[^，]*?(注销|终止|解除)|(注销|终止)[^，]*?备案"),
    ("cancel", r"注销|撤销|终止(?!妊娠)|核销|缴销|免职|封存"),
    ("resume", r"复业|恢复营业|恢复营运|恢复驾驶资格|恢复协议"),
    ("replace", r"补办|补发|补证|补领|补换|遗失|挂失|丢失"),
    ("renew", r"延续|换发|换证|换领|到期|再注册|继续经营|延期|续期"),
    ("change", r"变更|更正|更名|改制|调整|过户|转让变更|转入|转出|迁移(?!调档)"),
    ("review", r"校验|复查|复审|年检|年度审验|审验"),
    ("filing", r"备案"),
]
#: a replacement that may also be a renewal ("补发、换发"): the old licence is handed back when there is one
MIXED_REPLACE = re.compile(r"换发|换领|换证|补换")


def action_of(name: str) -> str:
    for action, pattern in ACTIONS:
        if re.search(pattern, name):
            if action == "change" and not re.search(r"变更|更正|更名|改制|调整|过户|转让", name) \
                    and not re.search(r"证|许可|登记|备案", name):
                return "new"  # moving a file or a facility is not a change to a licence
            return action
    return "new"


#: what the licence, registration or filing is, for the checklist and the result: "licence" (a licence or
#: certificate), "registration", "filing", "approval" or "" (nothing is issued)
def doc_of(name: str) -> str:
    if "备案" in name and "登记（备案）" not in name:
        return "filing"
    if re.search(r"许可|(?<!两)证(?!明|据|实)|执照|执业|资格(?!认证)|资质", name):
        return "licence"
    if "登记" in name:
        return "registration"
    if re.search(r"审批|批准|核准|审查|审核|审定|授权", name):
        return "approval"
    return ""


# --- who applies -------------------------------------------------------------------------------------
#: (body, name regex): organisations that have their own registration certificate instead of a business
#: licence; the first match wins
BODIES: list[tuple[str, str]] = [
    ("religious_new", r"筹备设立寺院|设立宗教活动临时地点|设立其它固定处所"),
    ("religious_register", r"^宗教活动场所登记审批"),
    ("religious", r"宗教活动场所"),
    ("social_org_new", r"社会团体(成立登记|筹备)|社会团体成立登记前|社会团体筹备申请|出具社会团体开立验资账户"),
    ("social_org", r"社会团体"),
    ("pne_new", r"民办非企业单位成立登记|出具民办非企业单位开立验资账户"),
    ("pne", r"民办非企业"),
    ("charity", r"慈善组织"),
    ("social_any", r"社会组织"),
    ("broadcast_station", r"设立有线广播电视站"),
    ("organ", r"机关事业单位|^事业单位"),
    ("either", r"企事业单位"),
    ("school_new", r"(学校|幼儿园|教育机构)(设立|筹设)|(学校|幼儿园|教育机构)[^，]*?(设立|筹设)审批"),
    ("school", r"(?<!驾驶)培训学校|(?<!驾驶)培训机构|学校(?!学生)|幼儿园|教育机构"),
    ("medical_new", r"医疗机构设置审批|医疗机构执业审批（新办）|中医诊所备案"),
    ("pharmacy", r"定点医药机构|零售药店"),
    ("nonprofit", r"非营利组织"),
    ("medical", r"医疗机构|医院|诊所|医师定期考核|母婴保健技术服务(机构)?执业|放射源诊疗技术和医用辐射机构|放射诊疗(设备|项目|许可)|"
                r"义诊|健康体检|医疗技术"),
    ("museum", r"博物馆|图书馆|文物收藏单位"),
    ("broadcaster_new", r"电视台设立"),
    ("broadcaster", r"广播电台|电视台"),
    ("elderly", r"养老机构"),
]


def body_of(name: str) -> str:
    for body, pattern in BODIES:
        if re.search(pattern, name):
            return body
    return ""


#: how each body proves who it is (replaces the business licence)
BODY_ID = {
    "religious_new": ["rel_applicant"],
    "religious_register": ["rel_prep"],
    "religious": ["rv_cert"],
    "social_org_new": [],
    "social_org": ["so_cert"],
    "pne_new": [],
    "pne": ["pne_cert"],
    "charity": ["charity_cert"],
    "social_any": ["so_any_cert"],
    "broadcast_station": ["org_cert"],
    "organ": ["organ_cert"],
    "either": ["legal_cert"],
    "school_new": ["sponsor"],
    "school": ["school_lic", "school_reg"],
    "medical_new": ["sponsor"],
    "pharmacy": ["pharm_lic"],
    "medical": ["med_lic"],
    "museum": ["museum_cert"],
    "broadcaster_new": ["sponsor"],
    "broadcaster": ["broadcaster"],
    "elderly": ["elder_cert"],
    "nonprofit": ["np_cert"],
}

QUERY = re.compile(r"查询|咨询|指引|信息发布")
#: items the applicant must do in person (photo, fingerprints or signature at the window)
IN_PERSON = re.compile(r"护照|通行证|签注|出入境证件|居民身份证|婚|驾驶证换证|驾驶证补证")
#: the same, for the power of attorney: nobody else may apply for you
NO_AGENT = re.compile(r"护照|港澳通行证|台湾通行证|签注|出入境证件|居民身份证|结婚|离婚|婚姻|驾驶证换证|驾驶证补证")
PROJECT = re.compile(r"^(?!.*(资质|伐区|制度方案|经营项目|体育项目|诊疗项目|劳务项目|资助项目|接收设施|体育场（馆）设施|"
                     r"经营许可|招标投标活动投诉|投诉受理))"
                     r".*(建设|工程|投资项目|设施|设计|方案|管线|施工|用地|挖掘|防护装置|道口|改线|桥梁)")
VEHICLE_BIZ = re.compile(r"运输证|出租汽车|客运|货运|网约车|教练车")
#: organisations being wound up hand in a resolution and a liquidation report
CLOSING_BODIES = {"social_org", "pne", "school", "religious", "charity"}
#: bodies whose identity paper is their registration certificate
SELF_REGISTERED = {"social_org", "pne", "charity", "social_any", "religious", "organ", "school", "museum",
                   "broadcaster"}

#: companies and other market entities (a private non-enterprise unit, 民办非企业单位, is not one)
COMPANY = r"(公司|(?<!非)企业|合伙|(?<!宗教活动场所)法人|合作社|分公司)"

#: (name regex, materials); the first match wins, whatever the action
RULES: list[tuple[str, list[str]]] = [
    (r"护照|通行证签发|出入境证件补发", ["ee_form", "id_show", "photo_hall", "hukou_cond", "ee_doc", "loss"]),
    (r"签注", ["ee_form", "id_show", "ee_doc"]),
    (r"居民身份证办理|身份证跨省|身份证省内", ["hukou", "id_show", "photo_hall"]),
    (r"居民身份证挂失", ["hukou"]),
    (r"居住证", ["form", "id", "photo", "residence_proof", "work_study"]),
    (r"户口迁移", ["form", "id", "hukou", "relation_proof", "move_cert"]),
    (r"户口|注销户口|临时身份证明", ["form", "id", "hukou", "change_proof"]),
    (r"无犯罪记录|亲属关系证明", ["form", "id", "relation_proof"]),
    (r"非正常死亡证明", ["id", "relation_proof"]),
    (r"机动车注册登记", ["form", "id", "origin", "vehicle_cert", "purchase_tax", "insurance", "inspection"]),
    (r"机动车转移登记", ["form", "id", "vreg", "vlic", "origin", "inspection"]),
    (r"机动车检验合格标志", ["vlic", "insurance", "inspection"]),
    (r"机动车号牌补领", ["form", "id", "vlic"]),
    (r"驾驶证换证", ["form", "id", "dl", "medical", "photo_hall"]),
    (r"驾驶证补证", ["form", "id", "loss_req", "medical", "photo_hall"]),
    (r"不动产首次登记", ["form", "id", "land_origin", "completion", "cadastral"]),
    (r"不动产转移登记", ["form", "id", "title", "purchase", "tax_receipt", "marital_cond"]),
    (r"不动产抵押权登记", ["form", "id", "title", "mortgage_contract"]),
    (r"不动产变更登记", ["form", "id", "title", "change_proof"]),
    (r"不动产注销登记", ["form", "id", "title", "change_proof"]),
    (r"预告登记", ["form", "id", "purchase", "marital_cond"]),
    (r"不动产登记资料查询", ["form", "id"]),
    (r"抵押备案解除", ["id_or_bl", "filing_cert", "change_proof"]),
    (r"抵押备案", ["id_or_bl", "mortgage_contract"]),
    (r"购买自住住房提取", ["form", "id", "purchase", "invoice_house", "title_cond", "bank"]),
    (r"租赁住房提取", ["form", "id", "lease", "rent_receipt", "bank"]),
    (r"退休提取", ["id", "retire_proof", "bank"]),
    (r"公积金贷款提前还款", ["id", "loan_contract", "bank"]),
    (r"公积金贷款", ["form", "id", "marital_cond", "purchase", "down_payment", "income_proof", "bank"]),
    (r"单位住房公积金", ["form", "bl", "lr_id", "unit_letter"]),
    (r"公积金", ["form", "id"]),
    # marriage: only marriage registration has the no-spouse declaration; divorce needs the marriage
    # certificate and the agreement
    (r"离婚登记预约", ["id_show", "marriage"]),
    (r"结婚登记预约", ["id_show", "no_marriage_cond"]),
    (r"离婚登记", ["id", "hukou", "marriage", "divorce_agreement", "photo"]),
    (r"结婚登记", ["id", "hukou", "photo_couple", "no_marriage_statement"]),
    (r"婚姻登记", ["id", "hukou", "photo_couple", "no_marriage_cond", "marriage_cond", "divorce_agreement_cond"]),
    (r"补领结婚证", ["form", "id", "hukou", "photo_couple"]),
    (r"收养", ["form", "id", "hukou", "marital_cond", "relation_proof", "photo"]),
    (r"残疾人证新办", ["form", "id", "hukou", "photo", "disab_assess"]),
    (r"残疾人证注销", ["form", "id", "disab_back", "death_cond"]),
    (r"残疾人证挂失|残疾人证补办", ["form", "id", "loss_req", "photo"]),
    (r"残疾人证|残疾类别", ["form", "id", "disab", "photo", "disab_assess"]),
    (r"流浪乞讨", ["id_show"]),
    (r"自然灾害", ["form", "id", "hardship", "bank"]),
    (r"事实无人抚养儿童", ["form", "id", "hukou", "eligibility", "bank"]),
    (r"艾滋病病毒感染儿童", ["form", "id", "hukou", "diagnosis", "bank"]),
    (r"高龄津贴", ["form", "id", "hukou", "bank"]),
    (r"孤儿", ["form", "id", "hukou", "death_cert", "bank"]),
    (r"最低生活保障|特困|临时救助|救助供养|生活补贴|高龄津贴|护理补贴|基本生活", ["form", "id", "hukou", "income", "hardship", "bank"]),
    (r"养老机构", ["filing_form", "elder_cert", "lr_id", "site", "safety", "commit"]),
    (r"教师资格认定", ["form", "id", "diploma", "putonghua", "teacher_medical", "photo", "commit"]),
    (r"教师资格证书补发", ["form", "id", "loss", "old_cert_renew", "photo"]),
    (r"个体工商户设立", ["form", "id", "address", "poa"]),
    (r"个体工商户", ["form", "id", "bl", "poa"]),
    (r"证照遗失", ["form", "lr_id", "loss_req", "old_cert_renew", "poa"]),
    (r"增加、减少证照", ["form", "bl", "lr_id", "poa"]),
    (r"市场主体迁移调档", ["form", "bl", "change_proof", "poa"]),
    (r"市场主体歇业", ["form", "bl", "plan", "poa"]),
    (COMPANY + r".*(设立|成立)登记", ["form", "charter", "members", "lr_id", "address", "poa"]),
    (COMPANY + r".*注销", ["form", "resolution", "liquidation", "bl", "poa"]),
    (r"^(?!.*(项目|预付卡|工作制|劳务派遣|出口|手册|信息变更|社会保险|经营许可|许可证)).*" + COMPANY + r".*(变更|备案)",
     ["form", "resolution", "bl", "change_proof", "poa"]),
    (r"股权出质设立", ["form", "bl", "contract", "poa"]),
    (r"法律援助申请|对公民法律援助", ["form", "id", "legal_aid_econ", "case_docs", "poa"]),
    (r"法律援助补贴", ["form", "id", "aid_closed", "bank"]),
    (r"人民调解员补贴", ["form", "id", "mediation_cases", "bank"]),
    (r"发票", ["tax_id", "tax_form", "deal_proof"]),
    (r"社会保障卡申领", ["form", "id", "photo"]),
    (r"社会保障卡挂失", ["id"]),
    (r"社会保障卡补领", ["id", "photo"]),
    (r"社会保障卡", ["id", "ssc"]),
    (r"失业登记", ["id", "labour"]),
    (r"失业保险金申领", ["form", "id", "labour", "bank"]),
    (r"就业登记", ["id", "labour"]),
    (r"退休申请", ["form", "id", "hukou", "photo", "labour"]),
    # death-related benefits: the death certificate and proof of relationship; eligibility checks of people
    # already receiving survivors' benefits only need their ID
    (r"(供养亲属|遗属)[^，]*资格认证|定期待遇领取资格认证", ["id"]),
    (r"工亡", ["form", "id", "death_cert", "relation_proof", "injury_cert", "bank"]),
    (r"丧葬|遗属|抚恤金|死亡", ["form", "id", "death_cert", "relation_proof", "bank"]),
    (r"致伤残、牺牲", ["form", "id", "evidence", "death_cond", "bank"]),
    (r"伤残待遇", ["form", "id", "injury_cert", "capacity", "bank"]),
    (r"工伤事故备案", ["filing_form", "bl", "accident"]),
    (r"工伤保险参保登记", ["form", "bl", "project_docs", "tax_id"]),
    (r"工伤保险协议医疗机构", ["form", "med_lic", "rules"]),
    (r"旧伤复发", ["form", "id", "injury_cert", "diagnosis"]),
    (r"工伤保险待遇变更", ["form", "id", "injury_cert", "change_proof"]),
    (r"工伤医疗|工伤.*就医|转诊转院", ["form", "id", "injury_cert", "diagnosis"]),
    (r"报销|医疗费", ["form", "id", "ssc", "bills", "diagnosis", "bank"]),
    (r"出生医学证明", ["form", "id", "marriage"]),
    (r"预防接种", ["birth_cert", "id"]),
    # veterans: discharge papers only here
    (r"伤残证件变更", ["form", "id", "mil_disab", "change_proof", "photo"]),
    (r"伤残证件", ["form", "id", "mil_disab_cond", "loss", "photo"]),
    (r"预备役", ["form", "id", "photo"]),
    (r"随军", ["form", "id", "marriage", "army_spouse"]),
    (r"退役|伤残抚恤", ["form", "id", "discharge", "photo"]),
    (r"高校毕业生|大学生", ["form", "id", "grad_cert"]),
    (r"延缓入学|休学", ["form", "id", "hukou", "diagnosis"]),
    (r"学生|入学|学籍|助学金|免学费|保教费|建档立卡|教育资助", ["form", "id", "hukou", "school_proof"]),
    # tractors and combine harvesters
    (r"(拖拉机|联合收割机).*驾驶证(初次申领|增加准驾)", ["form", "id", "medical", "photo"]),
    (r"(拖拉机|联合收割机).*驾驶证.*期满换证", ["form", "id", "old_cert", "medical", "photo"]),
    (r"(拖拉机|联合收割机).*驾驶证.*补换", ["form", "id", "old_cert_cond", "loss", "medical", "photo"]),
    (r"(拖拉机|联合收割机).*驾驶证.*转入", ["form", "id", "tractor_dl_file", "medical", "photo"]),
    (r"(拖拉机|联合收割机).*驾驶证.*(转出|更正)", ["form", "id", "tractor_dl", "change_proof"]),
    (r"(拖拉机|联合收割机).*驾驶证.*注销", ["form", "id", "tractor_dl", "death_cond"]),
    (r"(拖拉机|联合收割机).*驾驶证.*恢复", ["form", "id", "medical", "photo"]),
    (r"(拖拉机|联合收割机).*检验合格标志", ["tractor_lic", "tractor_insp"]),
    (r"(拖拉机|联合收割机).*(注册登记|临时号牌)", ["form", "id_or_bl", "tractor_origin", "tractor_factory"]),
    (r"(拖拉机|联合收割机).*转移登记", ["form", "id_or_bl", "tractor_reg", "tractor_lic", "tractor_origin"]),
    (r"(拖拉机|联合收割机).*注销抵押", ["form", "id_or_bl", "tractor_reg", "change_proof"]),
    (r"(拖拉机|联合收割机).*抵押登记", ["form", "id_or_bl", "tractor_reg", "mortgage_contract"]),
    (r"(拖拉机|联合收割机).*转入", ["form", "id_or_bl", "tractor_file", "tractor_insp"]),
    (r"(拖拉机|联合收割机).*(变更登记|更正)", ["form", "id_or_bl", "tractor_reg", "tractor_lic", "change_proof"]),
    (r"(拖拉机|联合收割机).*注销登记", ["form", "id_or_bl", "tractor_reg", "tractor_lic"]),
    (r"(拖拉机|联合收割机).*(补领|换领)", ["form", "id_or_bl", "tractor_reg", "loss"]),
    (r"犬类", ["form", "id", "residence_proof", "dog_vax", "dog_photo"]),
    (r"城乡居民基本养老保险注销", ["form", "id", "death_cond", "bank"]),
    (r"民族成份", ["form", "id", "hukou", "parents_ethnic"]),
    (r"重大危险源备案、核销", ["filing_form", "bl", "report"]),
    (r"农村公益性墓地", ["form", "village_cert", "plan", "site_plan"]),
    (r"农村集体经济组织", ["form", "collective_cert", "tech", "drawings", "site_plan"]),
    (r"商品房预售许可", ["form", "bl", "land_cert", "works_permits", "presale_plan"]),
    (r"车辆年度审验", ["form", "bl", "vlic", "inspection"]),
    (r"招标投标活动投诉|招投标活动投诉", ["complaint", "id_or_bl", "evidence"]),
    (r"撤销变更登记", ["form", "bl", "evidence"]),
    # social organisations, schools, religious venues, medical institutions being set up
    (r"社会团体成立登记$", ["form", "supervisor", "charter_so", "members_list", "funds", "site"]),
    (r"社会团体(成立登记前|筹备申请前)", ["form", "charter_so", "members_list", "funds", "site"]),
    (r"民办非企业单位成立登记", ["form", "supervisor", "charter_so", "sponsor", "funds", "site"]),
    (r"开立验资账户", ["form", "supervisor", "sponsor"]),
    (r"修改章程", ["form", "ID", "charter_change"]),
    (r"慈善组织认定", ["form", "charity_cert", "constitution", "fin_report"]),
    (r"公开募捐资格审批", ["form", "charity_cert", "rules", "fin_report"]),
    (r"(学校|幼儿园|教育机构)[^，]*?(设立|筹设)", ["form", "sponsor", "school_plan", "funds", "site", "staff_qual"]),
    (r"(学校|教育机构)[^，]*?(分立、合并)", ["form", "school_lic", "school_reg", "np_resolution", "plan"]),
    (r"校车使用许可", ["form", "org_cert", "vlic", "inspection", "insurance", "school_bus"]),
    (r"医疗机构设置审批", ["form", "sponsor", "tech", "site_plan"]),
    (r"医疗机构执业审批（新办）", ["form", "med_setup", "site", "staff_qual", "equip", "rules"]),
    (r"医师定期考核结果备案", ["filing_form", "med_lic", "report"]),
    (r"中医诊所备案", ["filing_form", "sponsor", "qual_cert", "site", "rules"]),
    (r"母婴保健专项技术服务人员", ["form", "id", "practice_cert", "training_cert", "photo"]),
    (r"筹备设立寺院", ["form", "rel_applicant", "rel_need", "funds", "site_plan"]),
    (r"设立宗教活动临时地点|设立其它固定处所", ["form", "rel_applicant", "rel_need", "site"]),
    (r"^宗教活动场所登记审批", ["form", "rel_prep", "mgmt_list", "rules", "site"]),
    (r"宗教活动场所法人登记", ["form", "rv_cert", "charter_so", "funds", "lr_id"]),
    (r"宗教活动场所[^，]*?(改建|新建|扩建|重建)", ["form", "rv_cert", "tech", "drawings", "site_plan"]),
]

#: first applications in a field: (name regex, materials before the power of attorney); the applicant's
#: own papers ("ID") are put in where the list says so
NEW_RULES: list[tuple[str, list[str], tuple[str, ...]]] = [
    (r"食品.*(许可|备案)", ["form", "ID", "layout", "food_rules", "health_cert"], ("enterprise", "both")),
    (r"护士|医师|乡村医生", ["form", "id", "qual_cert", "medical", "employ_proof", "photo"], ("individual",)),
    (r"特种设备作业人员", ["form", "id", "photo", "medical", "exam_cert"], ("individual",)),
    (r"船员", ["form", "id", "photo", "medical", "training_cert"], ("individual",)),
    (r"执业|资格", ["form", "id", "photo", "qual_cert"], ("individual",)),
]

#: fallbacks by item type and audience
TYPE_DEFAULTS = {
    ("licensing", "enterprise"): ["form", "ID", "premises", "staff_qual"],
    ("licensing", "individual"): ["form", "id", "plan"],
    ("licensing", "both"): ["form", "ID", "plan"],
    ("confirmation", "enterprise"): ["form", "ID", "evidence"],
    ("confirmation", "individual"): ["form", "id", "evidence"],
    ("confirmation", "both"): ["form", "ID", "evidence"],
    ("payment", "enterprise"): ["form", "ID", "eligibility", "unit_bank"],
    ("payment", "individual"): ["form", "id", "eligibility", "bank"],
    ("payment", "both"): ["form", "ID", "eligibility", "bank"],
    ("ruling", "enterprise"): ["ruling_app", "ID", "lr_id", "respondent", "evidence"],
    ("ruling", "individual"): ["ruling_app", "id", "respondent", "evidence"],
    ("ruling", "both"): ["ruling_app", "ID", "respondent", "evidence"],
    ("reward", "enterprise"): ["nomination", "ID"],
    ("reward", "individual"): ["nomination", "id"],
    ("reward", "both"): ["nomination", "ID"],
    ("other_power", "enterprise"): ["filing_form", "ID", "report"],
    ("other_power", "individual"): ["filing_form", "id", "report"],
    ("other_power", "both"): ["filing_form", "ID", "report"],
    ("public_service", "enterprise"): ["form", "ID", "tax_id"],
    ("public_service", "individual"): ["form", "id"],
    ("public_service", "both"): ["ID"],
}

#: the paper a holder hands in, by what the item is about (doc_of)
CURRENT = {"licence": "old_cert", "registration": "reg_cert", "filing": "filing_cert", "approval": "old_approval"}
CURRENT_BACK = {"licence": "old_cert_cond", "registration": "reg_cert_cond", "filing": "filing_cert_cond",
                "approval": "old_cert_cond"}


def identity(name: str, audience: str) -> list[str]:
    """The applicant's own papers: an ID card, a business licence, or an organisation's certificate."""
    body = body_of(name) if audience != "individual" else ""
    if body:
        return list(BODY_ID[body])
    if PROJECT.search(name) and audience != "individual":
        return ["org_cert"]  # a project's developer may be a company, a public institution or a government body
    return {"individual": ["id"], "enterprise": ["bl"], "both": ["id_or_bl"]}[audience]


def _expand(keys: list[str], ids: list[str]) -> list[str]:
    out: list[str] = []
    for k in keys:
        out.extend(ids if k == "ID" else [k])
    return out


def _by_action(name: str, item_type: str, audience: str, action: str) -> list[str] | None:
    """The checklist of an item that changes, renews, replaces or ends something already granted."""
    if action == "new" or (action == "report" and item_type != "licensing"):
        return None
    ids = identity(name, audience)
    doc = doc_of(name)
    body = body_of(name) if audience != "individual" else ""
    form = "filing_form" if doc == "filing" or action == "filing" else "form"
    current, back = CURRENT.get(doc), CURRENT_BACK.get(doc)
    if item_type == "public_service" and doc != "licence":
        current = back = None  # a change to recorded details, not to a certificate
    if action in ("suspend", "resume") and doc == "approval":
        current = "old_cert"
    if body in SELF_REGISTERED and doc in ("registration", "approval", ""):
        current = back = None  # their registration certificate is already in the list
    elif body and doc == "approval":
        current = None
    if body == "school" and "办学许可证" in name:
        ids = ["school_reg"]  # the item is about the school licence itself
    if body == "medical" and re.search(r"医疗机构执业", name):
        ids = ["lr_id"]  # the item is about the practising licence itself
    individual_card = audience == "individual" and doc == "licence"
    keys: list[str]
    if action == "change":
        keys = [form] + ids + ([current] if current else []) + ["change_proof"]
    elif action == "renew":
        keys = [form] + ids + ([current] if current else [])
        keys += ["self_check"] if item_type == "licensing" and not individual_card else []
        keys += ["photo"] if individual_card else []
    elif action == "replace":
        mixed = bool(MIXED_REPLACE.search(name))
        keys = [form] + ids + (["loss"] if mixed else ["loss_req"])
        if mixed and back:
            keys.append(back)
        keys += ["photo"] if individual_card else []
    elif action in ("cancel", "filing_cancel"):
        keys = [form] + ids + ([back] if back else [])
        if action == "cancel" and body in CLOSING_BODIES and not re.search(r"免职|执业", name):
            keys += ["cancel_resolution", "settlement"]
    elif action in ("suspend", "resume"):
        keys = [form] + ids + ([current] if current else [])
    elif action == "review":
        keys = [form] + ids + ([current] if current else []) + (["self_check"] if item_type == "licensing" else [])
    elif action == "report":
        keys = [form] + ids + ["report"]
    else:  # filing
        return None
    return keys


def materials_for(name: str, item_type: str, audience: str, tax_dept: bool) -> list[str]:
    keys: list[str] | None = None
    if re.search(r"咨询|指引", name):
        keys = ["enquiry"]
    for pattern, ks in RULES:
        if keys is None and re.search(pattern, name) and (not QUERY.search(name) or "查询" in pattern):
            keys = _expand(ks, identity(name, audience))
            break
    action = action_of(name)
    if keys is None and re.search(r"咨询|指引", name):
        keys = ["enquiry"]
    elif keys is None and QUERY.search(name):
        if re.search(r"(律师|律所|法律服务|司法鉴定|公证机构|公证员).*信息查询", name):
            keys = ["enquiry"]  # public registers: anyone may look them up
        else:
            keys = {"individual": ["id"], "both": ["id_or_bl"]}.get(audience, identity(name, audience) + ["tax_id"])
    if keys is None and tax_dept:
        keys = ["tax_id", "tax_form"] + (["deal_proof"] if re.search("报告|备案|证明", name) else [])
    if keys is None:
        keys = _by_action(name, item_type, audience, action)
    if keys is None and action == "filing" and item_type == "licensing" and not re.search(r"食品", name):
        keys = ["filing_form"] + identity(name, audience) + ["report"]
    if keys is None:
        ids = identity(name, audience)
        for pattern, ks, audiences in NEW_RULES:
            if re.search(pattern, name) and audience in audiences and (
                    item_type in ("licensing", "other_power") or "ID" in ks):
                keys = _expand(ks, ids)
                break
    if keys is None:
        ids = identity(name, audience)
        keys = _expand(TYPE_DEFAULTS[(item_type, audience)], ids)
        if body_of(name) and audience != "individual":
            # an institution's own application: its certificate and a plan, not a trader's premises
            keys = [k for k in keys if k not in ("premises", "staff_qual" if body_of(name) != "medical" else "")]
            if item_type == "licensing" and "plan" not in keys:
                keys.append("plan")
        elif (item_type, audience) == ("licensing", "enterprise"):
            # vary the checklists a little, deterministically
            keys.append(["equip", "rules", "safety", "lr_id"][zlib.crc32(name.encode("utf-8")) % 4])
        if PROJECT.search(name) and item_type in ("licensing", "other_power"):
            keys = [k for k in keys
                    if k not in ("equip", "staff_qual", "rules", "safety", "premises", "report", "plan")]
            keys += ["tech", "drawings", "site_plan"]
        if VEHICLE_BIZ.search(name):
            keys = [k for k in keys if k not in ("equip", "staff_qual", "rules", "safety", "premises", "plan")]
            keys += ["vehicle_list", "vlic"]
        if action == "filing" and item_type == "public_service" and keys[0] == "form":
            keys[0] = "filing_form"
    if "poa" not in keys and not QUERY.search(name) and not NO_AGENT.search(name) and item_type != "reward" \
            and keys != ["enquiry"]:
        keys.append("poa")
    seen: list[str] = []
    for k in keys:
        if k not in seen:
            seen.append(k)
    return seen[:10]
