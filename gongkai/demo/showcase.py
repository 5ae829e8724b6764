"""Demo content a real county's site has besides its documents: service-guide items (办事指南)
and 县长信箱 letters answered and published with their replies. Idempotent: each part is
loaded only while its table is empty for the demo county."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from gongkai.agencies.models import Agency

SERVICES = (
    ("jiaxian-jyj", "义务教育阶段学生转学", "公共服务", "学生监护人持户籍或居住证明申请转入学校所在地学校。",
     "1.转学申请表；2.监护人身份证；3.户口簿或居住证", "5个工作日", "县政务服务中心教育窗口"),
    ("jiaxian-mzj", "最低生活保障申请", "行政给付", "家庭人均收入低于当地最低生活保障标准，且家庭财产符合规定。",
     "1.申请书；2.家庭成员身份证、户口簿；3.收入情况说明；4.授权核对家庭经济状况的声明", "30个工作日",
     "户籍所在地乡镇人民政府（街道办事处）"),
    ("jiaxian-mzj", "婚姻登记（结婚）", "行政确认", "男女双方自愿，达到法定婚龄，无禁止结婚的情形。",
     "1.双方户口簿、身份证；2.近期半身免冠合影照片3张", "即时办结", "县婚姻登记处"),
)

LETTERS = (
    ("李明", "13937500001", "薛店镇中学门口路段何时安装红绿灯",
     "薛店镇中学门口路段上下学时车多人多，希望尽快安装红绿灯。", "jiaxian-jyj",
     "您反映的问题已转交县公安局交通管理大队，经现场勘查，已列入今年交通设施建设计划，预计下学期开学前完成安装。"),
    ("王芳", "13937500002", "低保申请需要哪些材料",
     "我家因病致贫，想申请低保，请问需要准备哪些材料，到哪里办理？", "jiaxian-mzj",
     "申请低保需准备申请书、家庭成员身份证和户口簿、收入情况说明等材料，向户籍所在地乡镇人民政府提出申请。"
     "详见本网站办事指南“最低生活保障申请”。"),
)


def load_services(county: Agency) -> int:
    from gongkai.services.models import ServiceItem

    if ServiceItem.objects.filter(agency__path__startswith=county.path).exists():
        return 0
    for code, name, kind, conditions, materials, time_limit, place in SERVICES:
        agency = Agency.objects.get(code=code)
        ServiceItem.objects.create(agency=agency, name=name, kind=kind, conditions=conditions, materials=materials,
                                   time_limit=time_limit, place=place, contact=agency.office_phone)
    return len(SERVICES)


def load_letters(county: Agency) -> int:
    """Letters through the whole workflow, each step by the right person's hand."""
    from gongkai.agencies.models import Role, StaffRole
    from gongkai.mailbox import actions
    from gongkai.mailbox.models import MailboxLetter

    if MailboxLetter.objects.exists():
        return 0
    User = get_user_model()
    office = User.objects.get(username="office")
    for writer, phone, subject, text, code, reply in LETTERS:
        agency = Agency.objects.get(code=code)
        clerk = StaffRole.objects.filter(agency=agency, role=Role.CLERK).first().user
        approver = StaffRole.objects.filter(agency=agency, role=Role.APPROVER).first().user
        letter = actions.do_submit_letter(actions.NewLetter(writer, phone, subject, text, agrees_to_publish=True))
        letter = actions.do_assign_letter(letter, agency, acting_user=office)
        letter = actions.do_draft_reply(letter, reply, acting_user=clerk)
        letter = actions.do_approve_reply(letter, acting_user=approver)
        actions.do_publish_letter(letter, actions.public_version(letter), acting_user=office)
    return len(LETTERS)


ATTACHMENT_HTML = """<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
body { font-family: "Noto Serif CJK SC", serif; font-size: 14pt; line-height: 1.8; }
h1 { font-family: "Noto Sans CJK SC", sans-serif; text-align: center; font-size: 20pt; }
</style></head><body><h1>附件</h1>
<p>本附件为演示县的示例文件，对应正文中“详见附件”的内容。实际使用时，由经办人在起草信息时上传
（PDF、Word、WPS、OFD 等格式），经保密审查和审批后随正文一并公开。</p></body></html>"""


def attach_files(county: Agency) -> int:
    """Every demo item whose text says 详见附件 gets the attachment it promises."""
    from django.core.files.base import ContentFile
    from weasyprint import HTML

    from gongkai.publishing.models import Attachment, InformationItem

    items = list(InformationItem.objects.filter(agency__path__startswith=county.path, body__contains="详见附件",
                                                attachments__isnull=True))
    if not items:
        return 0
    pdf = HTML(string=ATTACHMENT_HTML).write_pdf()
    for item in items:
        attachment = Attachment(item=item, original_name=f"{item.title[:40]}（附件）.pdf",
                                content_type="application/pdf", size=len(pdf))
        attachment.file.save(f"demo-{item.pk}.pdf", ContentFile(pdf), save=False)
        attachment.save()
    return len(items)
