"""The demo county: 郏县 (Jia County, Henan), its government, departments and townships.

Names and contact details are illustrative; the county government's 2021 figures are
those of its published report (shared/reference/jiaxian-2021-annual-report.txt).
"""

COUNTY = {
    "code": "jiaxian",
    "name": "郏县人民政府",
    "short_name": "县政府",
    "kind": "government",
    "index_prefix": "005252841",
    "office_name": "郏县人民政府办公室（县政务公开办公室）",
    "office_address": "河南省平顶山市郏县龙山大道中段县行政服务中心三楼",
    "office_hours": "工作日 上午8:30—12:00，下午14:30—17:30（法定节假日除外）",
    "office_phone": "0375-5199000",
    "office_fax": "0375-5199001",
    "office_email": "jxgk@example.gov.cn",
    "office_postcode": "467100",
    "head": "县政府办公室主任",
    "reconsideration_body": "平顶山市人民政府",
    "fee_payment_method": "持缴费通知书到县行政服务中心一楼财政收费窗口缴纳，或通过河南省非税收入缴费平台网上缴纳",
}

# (code, name, short name, kind, index prefix, office name)
AGENCIES = (
    ("jiaxian-fgw", "郏县发展和改革委员会", "县发改委", "department", "005252852", "县发改委办公室"),
    ("jiaxian-jyj", "郏县教育局", "县教育局", "department", "005252869", "县教育局办公室"),
    ("jiaxian-mzj", "郏县民政局", "县民政局", "department", "005252877", "县民政局办公室"),
    ("jiaxian-czj", "郏县财政局", "县财政局", "department", "005252885", "县财政局办公室"),
    ("jiaxian-rsj", "郏县人力资源和社会保障局", "县人社局", "department", "005252893", "县人社局办公室"),
    ("jiaxian-zrzyj", "郏县自然资源局", "县自然资源局", "department", "005252906", "县自然资源局办公室"),
    ("jiaxian-wjw", "郏县卫生健康委员会", "县卫健委", "department", "005252914", "县卫健委办公室"),
    ("jiaxian-longshan", "郏县龙山街道办事处", "龙山街道", "subdistrict", "005252922", "龙山街道党政办"),
    ("jiaxian-xuedian", "郏县薛店镇人民政府", "薛店镇", "township", "005252930", "薛店镇党政办"),
    ("jiaxian-ciba", "郏县茨芭镇人民政府", "茨芭镇", "township", "005252949", "茨芭镇党政办"),
)

# Demo log-ins: (username, full name, agency code, roles). Everyone's password is DEMO_PASSWORD.
DEMO_PASSWORD = "gongkai-demo"
STAFF = (
    ("office", "县政务公开办 管理员", "jiaxian", ("office_admin",)),
    ("xianfu_clerk", "县政府办 经办人", "jiaxian", ("clerk",)),
    ("xianfu_reviewer", "县政府办 保密审查员", "jiaxian", ("reviewer",)),
    ("xianfu_approver", "县政府办 负责人", "jiaxian", ("approver",)),
    ("jyj_clerk", "县教育局 经办人", "jiaxian-jyj", ("clerk",)),
    ("jyj_reviewer", "县教育局 保密审查员", "jiaxian-jyj", ("reviewer",)),
    ("jyj_approver", "县教育局 负责人", "jiaxian-jyj", ("approver",)),
    ("mzj_clerk", "县民政局 经办人", "jiaxian-mzj", ("clerk",)),
    ("mzj_approver", "县民政局 负责人", "jiaxian-mzj", ("approver", "reviewer")),
    ("xuedian_clerk", "薛店镇 经办人", "jiaxian-xuedian", ("clerk",)),
    ("xuedian_approver", "薛店镇 负责人", "jiaxian-xuedian", ("approver", "reviewer")),
)
