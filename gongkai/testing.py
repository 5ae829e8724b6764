"""Shared test personas: one small county with the roles every test talks about.

    county            郏县人民政府 (government)
    dept              县教育局 (department under the county)
    other_dept        县民政局 (another department)
    office_admin      政务公开办管理员 of the county: sees everything under it
    clerk / approver / reviewer   of dept
    other_agency_clerk            clerk of other_dept: must never see dept's records
    applicant         a member of the public with an account-less identity
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model

from gongkai.agencies.models import Agency, AgencyKind, Role, StaffRole


@dataclass
class County:
    county: Agency
    dept: Agency
    other_dept: Agency
    office_admin: object
    clerk: object
    approver: object
    reviewer: object
    other_agency_clerk: object
    no_role_user: object


def make_staff(username: str, agency: Agency, *roles: str, full_name: str = ""):
    User = get_user_model()
    user = User.objects.create_user(username=username, password="password", first_name=full_name)
    for role in roles:
        StaffRole.objects.create(user=user, agency=agency, role=role)
    return user


def make_county() -> County:
    county = Agency.objects.create(
        code="jiaxian", name="郏县人民政府", short_name="县政府", kind=AgencyKind.GOVERNMENT,
        index_prefix="005252841", office_name="郏县人民政府办公室", office_phone="0375-5199000",
        office_address="河南省郏县政府街1号", office_postcode="467100", reconsideration_body="平顶山市人民政府",
    )
    dept = Agency.objects.create(
        code="jiaxian-edu", name="郏县教育局", short_name="县教育局", kind=AgencyKind.DEPARTMENT,
        parent=county, index_prefix="005252900", office_name="郏县教育局办公室",
        office_address="河南省郏县文化路100号", office_phone="0375-5190000", office_postcode="467100",
        fee_payment_method="通过郏县非税收入缴款码缴纳",
    )
    other_dept = Agency.objects.create(
        code="jiaxian-civil", name="郏县民政局", short_name="县民政局", kind=AgencyKind.DEPARTMENT,
        parent=county, index_prefix="005252911", office_name="郏县民政局办公室",
        office_address="河南省郏县人民路8号", office_phone="0375-5191111", office_postcode="467100",
    )
    return County(
        county=county,
        dept=dept,
        other_dept=other_dept,
        office_admin=make_staff("office", county, Role.OFFICE_ADMIN, full_name="公开办"),
        clerk=make_staff("clerk", dept, Role.CLERK, full_name="李经办"),
        approver=make_staff("approver", dept, Role.APPROVER, full_name="王负责"),
        reviewer=make_staff("reviewer", dept, Role.REVIEWER, full_name="赵审查"),
        other_agency_clerk=make_staff("other_clerk", other_dept, Role.CLERK, full_name="钱经办"),
        no_role_user=get_user_model().objects.create_user(username="nobody", password="password"),
    )


def answer_application(application, county: County, on, outcome="granted", **decision):
    """Take a case to a signed reply the way the rules want it: the clerk decides, a
    disclosing reply passes the reviewer's 保密审查, the approver signs (three people)."""
    from gongkai.applications import actions

    application = actions.do_decide_application(application, outcome=outcome, acting_user=county.clerk, **decision)
    if actions.reply_needs_review(application):
        application = actions.do_review_reply(application, passed=True, acting_user=county.reviewer)
    return actions.do_sign_reply(application, on=on, acting_user=county.approver)
def verify_second_factor(client, user):
    """What the staff member's phone does at log-in: a confirmed TOTP device for `user`
    and this client's session marked verified with it (django-otp's session key), as
    the two-factor page leaves it. Used by tests that log in with `force_login`."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="测试验证器", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device
