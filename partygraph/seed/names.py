"""Realistic Chinese names for generated places, units and people."""

from __future__ import annotations

import random

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁"
    "潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦"
    "邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强海燕红"
    "梅玉兰春梅德胜国庆晓东雪梅文博子涵欣怡浩然思远嘉怡宇轩"
)
PLACE_WORDS = [
    "云霄",
    "金湖",
    "八大",
    "香港",
    "湛山",
    "八大关",
    "珠海",
    "江苏",
    "宁夏",
    "延安",
    "镇江",
    "宁海",
    "山西",
    "华侨",
    "颐和",
    "琅琊",
    "北京",
    "天宁",
    "青云",
    "瑞金",
    "和平",
    "新华",
    "长江",
    "东风",
    "光明",
    "幸福",
    "兴华",
    "文化",
    "育才",
    "建设",
    "胜利",
    "朝阳",
    "红星",
    "团结",
    "民主",
    "繁荣",
    "金鸡",
    "望江",
    "锦江",
    "青羊",
    "武侯",
    "桂溪",
    "淇河",
    "鹤山",
    "周村",
    "丝绸",
    "永安",
    "北郊",
    "南郊",
    "城北",
    "城南",
]
UNIT_KINDS = [
    ("DEPARTMENT", "区财政局"),
    ("DEPARTMENT", "区民政局"),
    ("DEPARTMENT", "区住建局"),
    ("DEPARTMENT", "区卫健委"),
    ("DEPARTMENT", "区教体局"),
    ("DEPARTMENT", "区市场监管局"),
    ("DEPARTMENT", "区城管局"),
    ("DEPARTMENT", "区人社局"),
    ("AGENCY", "省档案馆"),
    ("AGENCY", "市税务局"),
    ("STATE_ENTERPRISE", "国网供电公司"),
    ("STATE_ENTERPRISE", "自来水公司"),
    ("ENTERPRISE", "物业服务公司"),
    ("HOSPITAL", "人民医院"),
    ("SCHOOL", "实验小学"),
    ("SOCIAL_ORGANIZATION", "社会工作服务中心"),
]


def person(rng: random.Random) -> str:
    given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.5 else "")
    return rng.choice(SURNAMES) + given[:2]


def place(rng: random.Random, suffix: str, used: set[str]) -> str:
    """A place name not used before (a number is added once the words run out)."""
    for _ in range(20):
        name = rng.choice(PLACE_WORDS) + rng.choice(["路", "街", "山", "湖", "园", ""]) + suffix
        if name not in used:
            used.add(name)
            return name
    name = f"{rng.choice(PLACE_WORDS)}{len(used)}{suffix}"
    used.add(name)
    return name
