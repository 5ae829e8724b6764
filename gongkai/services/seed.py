"""The life events (人生事件) the guide is browsed by, as the provincial portals list them."""

LIFE_EVENTS = (
    ("birth", "生育收养"), ("household", "户籍办理"), ("education", "教育入学"), ("employment", "就业创业"),
    ("marriage", "婚姻登记"), ("social-security", "社会保障"), ("medical", "医疗卫生"), ("housing", "住房保障"),
    ("transport", "交通出行"), ("retirement", "退休养老"), ("disability", "残疾人服务"), ("military", "兵役优抚"),
    ("agriculture", "农业农村"), ("business", "企业开办"), ("funeral", "身后事项"),
)


def seed_life_events(LifeEvent) -> None:
    for position, (code, name) in enumerate(LIFE_EVENTS):
        LifeEvent.objects.get_or_create(code=code, defaults={"name": name, "position": position})
