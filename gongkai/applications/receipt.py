"""The 登记回执: what the applicant holds after submitting online or handing in an
application — register number, tracking code, date, when the clock starts and the
20-working-day period. Drawn as a letter (A4 PDF, Chinese fonts) from the record.
"""

from __future__ import annotations

from django.utils import timezone

from gongkai.applications import letters
from gongkai.applications.models import Application, Channel

# 条例第三十一条: the date of receipt depends on how the application came.
RECEIPT_RULES = {
    Channel.ONLINE: "网上提交的申请，以本机关工作人员确认收到之日为收到申请之日（《政府信息公开条例》第三十一条第三项）；确认后将另行告知您。",
    Channel.IN_PERSON: "当面提交的申请，以提交之日为收到申请之日（《政府信息公开条例》第三十一条第一项）。",
    Channel.ORAL: "口头提出、由工作人员代为填写的申请，以提出之日为收到申请之日（《政府信息公开条例》第三十一条第一项）。",
    Channel.POST: "以邮寄方式提交的申请，以本机关签收之日为收到申请之日（《政府信息公开条例》第三十一条第二项）。",
    Channel.FAX: "以传真方式提交的申请，以双方确认之日为收到申请之日（《政府信息公开条例》第三十一条第三项）。",
}


def receipt_letter(application: Application, track_url: str) -> letters.ComposedLetter:
    agency = application.agency
    from gongkai.applications.correspondence import format_tracking_code

    submitted_on = timezone.localdate(application.submitted_at)
    paragraphs = [
        f"您向{agency.name}提出的政府信息公开申请已登记。",
        f"登记号：{agency.display_name}依申请公开{application.reference}",
        f"查询码：{format_tracking_code(application.tracking_code)}（凭查询码和联系电话后四位，"
        f"可在 {track_url} 查询办理进度、查看和下载文书）",
        f"提交日期：{submitted_on:%Y年%m月%d日}（{application.get_channel_display()}）",
        RECEIPT_RULES[application.channel],
    ]
    if application.received_on:
        paragraphs.append(f"收到申请日期：{application.received_on:%Y年%m月%d日}")
    paragraphs.append(
        "本机关自收到申请之日起20个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知您，"
        "延长的期限最长不超过20个工作日（《政府信息公开条例》第三十三条）。补正、征求意见和缴费的时间不计算在内。"
    )
    if application.due_on:
        paragraphs.append(f"按目前的办理情况，答复期限为{application.due_on:%Y年%m月%d日}。")
    return letters.ComposedLetter(
        kind="acknowledgement", outcome="", title="政府信息公开申请登记回执",
        document_number=f"{agency.display_name}依申请公开{application.reference}",
        addressee=f"{application.applicant_name}：", paragraphs=tuple(paragraphs),
        signature=(agency.office_name or agency.name,), date=f"{submitted_on:%Y年%m月%d日}",
        template_id="acknowledgement", template_version=1, remedy_version=None,
    )


def receipt_pdf(application: Application) -> bytes:
    from gongkai.applications.correspondence import track_url

    return letters.render_pdf(receipt_letter(application, track_url()))


def receipt_attachment(application_pk) -> tuple[str, bytes]:
    """For the outbox: the receipt as an e-mail attachment."""
    application = Application.objects.select_related("agency").get(pk=int(application_pk))
    return f"receipt-{application.year}-{application.number}.pdf", receipt_pdf(application)
