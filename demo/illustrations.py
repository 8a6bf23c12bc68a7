"""Illustrations for the demo modules, drawn in code with Pillow.

Drawn rather than downloaded, so the demo needs no image licences and no network. The drawings
are deterministic (the only randomness uses a fixed seed), so the same code always gives the same
PNG bytes: the loader compares file hashes to decide whether an image needs replacing.

Everything is drawn at twice the final size and scaled down, which smooths the edges. Coordinates
in the drawing functions are in the final 1200 × 800 space.
"""

import io
import math
import random
from dataclasses import dataclass
from functools import cache

from PIL import Image, ImageDraw, ImageFilter, ImageFont

WIDTH, HEIGHT = 1200, 800
SCALE = 2
INK = (38, 34, 32)  # outline colour: one dark ink for every shape keeps the style together


def _mix(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


class Painter:
    """A thin layer over ImageDraw that scales coordinates and gives every shape an outline."""

    def __init__(self):
        self.image = Image.new("RGBA", (WIDTH * SCALE, HEIGHT * SCALE), (255, 255, 255, 255))
        self.draw = ImageDraw.Draw(self.image)

    @staticmethod
    def _pts(points):
        return [(x * SCALE, y * SCALE) for x, y in points]

    @staticmethod
    def _box(x0, y0, x1, y1):
        return [x0 * SCALE, y0 * SCALE, x1 * SCALE, y1 * SCALE]

    def gradient(self, top, bottom, y0=0, y1=HEIGHT):
        start, end = y0 * SCALE, y1 * SCALE
        for y in range(start, end):
            t = (y - start) / max(end - start - 1, 1)
            self.draw.line([(0, y), (WIDTH * SCALE, y)], fill=_mix(top, bottom, t))

    def gradient_box(self, x0, y0, x1, y1, top, bottom):
        start, end = round(y0 * SCALE), round(y1 * SCALE)
        for y in range(start, end):
            t = (y - start) / max(end - start - 1, 1)
            self.draw.line([(x0 * SCALE, y), (x1 * SCALE, y)], fill=_mix(top, bottom, t))

    def rect(self, x0, y0, x1, y1, fill, outline=INK, width=2, radius=0):
        box = self._box(x0, y0, x1, y1)
        if radius:
            self.draw.rounded_rectangle(
                box,
                radius * SCALE,
                fill=fill,
                outline=outline,
                width=round(width * SCALE) if outline else 0,
            )
        else:
            self.draw.rectangle(
                box, fill=fill, outline=outline, width=round(width * SCALE) if outline else 0
            )

    def poly(self, points, fill, outline=INK, width=2):
        self.draw.polygon(
            self._pts(points),
            fill=fill,
            outline=outline,
            width=round(width * SCALE) if outline else 0,
        )

    def ellipse(self, x0, y0, x1, y1, fill, outline=INK, width=2):
        self.draw.ellipse(
            self._box(x0, y0, x1, y1),
            fill=fill,
            outline=outline,
            width=round(width * SCALE) if outline else 0,
        )

    def circle(self, cx, cy, r, fill, outline=INK, width=2):
        self.ellipse(cx - r, cy - r, cx + r, cy + r, fill, outline, width)

    def line(self, points, fill=INK, width=2):
        self.draw.line(self._pts(points), fill=fill, width=round(width * SCALE), joint="curve")

    def text(self, x, y, text, size, fill=INK, anchor="mm"):
        font = ImageFont.load_default(size=size * SCALE)
        self.draw.text((x * SCALE, y * SCALE), text, fill=fill, font=font, anchor=anchor)

    def glow(self, cx, cy, r, colour, alpha=120):
        """A soft light (lamps, headlights, a light-leak): a blurred, translucent disc."""
        layer = Image.new("RGBA", self.image.size, (0, 0, 0, 0))
        ImageDraw.Draw(layer).ellipse(
            self._box(cx - r, cy - r, cx + r, cy + r), fill=(*colour, alpha)
        )
        layer = layer.filter(ImageFilter.GaussianBlur(r * SCALE / 2))
        self.image.alpha_composite(layer)
        self.draw = ImageDraw.Draw(self.image)

    def shade(self, points, colour, alpha):
        """A translucent polygon: shadows, haze, stains."""
        layer = Image.new("RGBA", self.image.size, (0, 0, 0, 0))
        ImageDraw.Draw(layer).polygon(self._pts(points), fill=(*colour, alpha))
        self.image.alpha_composite(layer)
        self.draw = ImageDraw.Draw(self.image)

    def png(self):
        final = self.image.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS).convert("RGB")
        buffer = io.BytesIO()
        final.save(buffer, format="PNG", optimize=True)
        return buffer.getvalue()


# -- reusable parts -----------------------------------------------------------------------------


def tree(p, x, base, height, crown=(74, 112, 62), trunk=(96, 70, 48), kind="round"):
    w = height * 0.09
    p.rect(x - w / 2, base - height * 0.45, x + w / 2, base, trunk)
    if kind == "pine":
        for i in range(3):
            top = base - height + i * height * 0.2
            half = height * (0.16 + 0.07 * i)
            p.poly(
                [(x, top), (x + half, top + height * 0.38), (x - half, top + height * 0.38)],
                _mix(crown, (0, 0, 0), 0.08 * i),
            )
    else:
        r = height * 0.28
        p.circle(x - r * 0.45, base - height * 0.55, r * 0.8, _mix(crown, (0, 0, 0), 0.15))
        p.circle(x + r * 0.5, base - height * 0.58, r * 0.85, _mix(crown, (0, 0, 0), 0.1))
        p.circle(x, base - height + r, r, crown)


def tree_line(p, y, colour, seed, start=-20, end=WIDTH + 20, low=30, high=75):
    """A row of tree crowns along the horizon, as one silhouette."""
    rng = random.Random(seed)  # noqa: S311 - a fixed seed for a drawing, not for security
    x = start
    while x < end:
        r = rng.uniform(low, high) / 2
        p.circle(x, y - r * 0.6, r, colour, outline=None)
        x += r * rng.uniform(0.9, 1.4)
    p.rect(start, y - 8, end, y + 4, colour, outline=None)


# Skin tones for the people in the drawings: the professionals, farmers and passers-by of rural
# Brabant are not all light-skinned, so the scenes vary them (and build and hair).
SKIN = {
    "light": (240, 204, 178),
    "rosy": (228, 180, 150),
    "olive": (206, 160, 118),
    "tan": (178, 124, 86),
    "brown": (138, 92, 62),
    "deep": (96, 64, 44),
}
HAIR = {
    "black": (30, 26, 24),
    "dark_brown": (62, 42, 30),
    "brown": (110, 74, 44),
    "blond": (214, 178, 112),
    "grey": (168, 166, 160),
    "red": (160, 74, 40),
}


def _hair(p, x, head_y, head_r, colour, style):
    """Hair on a head seen from the front: 'short' (a cap of hair), 'long' (down to the
    shoulders), 'bun' (tied up), 'curly' (a rounded volume) or 'bald' (none)."""
    if style == "bald" or colour is None:
        return
    if style == "long":
        p.rect(
            x - head_r * 1.12,
            head_y - head_r * 0.3,
            x + head_r * 1.12,
            head_y + head_r * 1.5,
            colour,
            radius=head_r * 0.5,
        )
        return
    if style == "curly":
        for dx, dy in ((-0.75, -0.55), (0.0, -0.95), (0.75, -0.55), (-0.45, -0.9), (0.45, -0.9)):
            p.circle(x + head_r * dx, head_y + head_r * dy, head_r * 0.45, colour, width=1)
        return
    p.draw.chord(
        p._box(x - head_r * 1.04, head_y - head_r * 1.08, x + head_r * 1.04, head_y + head_r * 0.1),
        180,
        360,
        fill=colour,
        outline=INK,
        width=2 * SCALE,
    )
    if style == "bun":
        p.circle(x, head_y - head_r * 1.15, head_r * 0.42, colour)


def person(
    p,
    x,
    feet,
    height,
    *,
    skin=SKIN["rosy"],
    top=(70, 90, 140),
    legs=(50, 55, 70),
    shoes=(40, 36, 34),
    hair=HAIR["dark_brown"],
    hair_style="short",
    build=1.0,
    cap=None,
    suit=False,
    item=None,
    arm_up=False,
):
    """A standing figure seen from the front. ``item`` is held in the right hand: 'briefcase',
    'tablet' or 'phone'. ``build`` widens (above 1) or narrows (below 1) the body; the hair has
    a ``hair_style`` (see ``_hair``)."""
    h = height
    head_r = h * 0.075
    shoulder = h * 0.14 * build
    hip_y = feet - h * 0.47
    neck_y = feet - h + head_r * 2.1
    # legs and shoes
    p.rect(x - shoulder * 0.75, hip_y, x - shoulder * 0.08, feet - h * 0.03, legs)
    p.rect(x + shoulder * 0.08, hip_y, x + shoulder * 0.75, feet - h * 0.03, legs)
    p.ellipse(x - shoulder * 0.95, feet - h * 0.05, x - shoulder * 0.05, feet + h * 0.01, shoes)
    p.ellipse(x + shoulder * 0.05, feet - h * 0.05, x + shoulder * 0.95, feet + h * 0.01, shoes)
    # long hair hangs behind the shoulders: drawn before the torso, which covers its lower part
    if hair and not cap and hair_style == "long":
        _hair(p, x, feet - h + head_r * 1.05, head_r, hair, "long")
        hair_style = "short"  # the hair over the forehead, drawn after the head
    # torso
    p.rect(x - shoulder, neck_y, x + shoulder, hip_y + h * 0.06, top, radius=h * 0.04)
    if suit:
        p.poly(
            [(x - shoulder * 0.35, neck_y), (x + shoulder * 0.35, neck_y), (x, neck_y + h * 0.16)],
            (245, 245, 245),
        )
        p.poly(
            [
                (x - h * 0.012, neck_y + h * 0.02),
                (x + h * 0.012, neck_y + h * 0.02),
                (x + h * 0.02, neck_y + h * 0.14),
                (x, neck_y + h * 0.17),
                (x - h * 0.02, neck_y + h * 0.14),
            ],
            (150, 30, 40),
            width=1,
        )
        p.line([(x - shoulder * 0.35, neck_y), (x - shoulder * 0.05, neck_y + h * 0.2)], width=1.5)
        p.line([(x + shoulder * 0.35, neck_y), (x + shoulder * 0.05, neck_y + h * 0.2)], width=1.5)
    # arms
    arm_w = h * 0.06
    p.rect(
        x - shoulder - arm_w,
        neck_y + h * 0.01,
        x - shoulder + arm_w * 0.2,
        hip_y + h * 0.02,
        top,
        radius=arm_w / 2,
    )
    p.circle(x - shoulder - arm_w * 0.4, hip_y + h * 0.04, arm_w * 0.55, skin)
    if arm_up:
        # right forearm raised to the ear (on the phone)
        p.rect(
            x + shoulder - arm_w * 0.2,
            neck_y + h * 0.01,
            x + shoulder + arm_w,
            neck_y + h * 0.14,
            top,
            radius=arm_w / 2,
        )
        p.line(
            [(x + shoulder + arm_w * 0.4, neck_y + h * 0.12), (x + head_r * 1.1, neck_y - head_r)],
            fill=top,
            width=arm_w,
        )
        p.circle(x + head_r * 1.05, neck_y - head_r, arm_w * 0.55, skin)
    else:
        p.rect(
            x + shoulder - arm_w * 0.2,
            neck_y + h * 0.01,
            x + shoulder + arm_w,
            hip_y + h * 0.02,
            top,
            radius=arm_w / 2,
        )
        p.circle(x + shoulder + arm_w * 0.4, hip_y + h * 0.04, arm_w * 0.55, skin)
    hand_x, hand_y = x + shoulder + arm_w * 0.4, hip_y + h * 0.04
    if item == "briefcase":
        p.rect(
            hand_x - h * 0.07,
            hand_y + h * 0.02,
            hand_x + h * 0.07,
            hand_y + h * 0.14,
            (92, 58, 36),
            radius=3,
        )
        p.line(
            [
                (hand_x - h * 0.02, hand_y + h * 0.02),
                (hand_x - h * 0.02, hand_y),
                (hand_x + h * 0.02, hand_y),
                (hand_x + h * 0.02, hand_y + h * 0.02),
            ],
            width=2,
        )
    elif item == "tablet":
        p.rect(
            x - h * 0.1, neck_y + h * 0.12, x + h * 0.1, neck_y + h * 0.26, (30, 32, 38), radius=3
        )
        p.rect(
            x - h * 0.085,
            neck_y + h * 0.135,
            x + h * 0.085,
            neck_y + h * 0.245,
            (120, 170, 210),
            outline=None,
        )
    # neck, head, hair, cap
    p.rect(
        x - head_r * 0.4, neck_y - head_r * 0.5, x + head_r * 0.4, neck_y + h * 0.01, skin, width=1
    )
    head_y = feet - h + head_r * 1.05
    p.circle(x, head_y, head_r, skin)
    for ex in (x - head_r * 0.38, x + head_r * 0.38):
        p.circle(ex, head_y + head_r * 0.05, max(head_r * 0.1, 1.2), INK, outline=None)
    if cap:
        p.ellipse(
            x - head_r * 1.05,
            feet - h - head_r * 0.1,
            x + head_r * 1.05,
            feet - h + head_r * 1.1,
            cap,
        )
        p.rect(
            x - head_r * 1.5,
            feet - h + head_r * 0.6,
            x + head_r * 1.1,
            feet - h + head_r * 0.85,
            cap,
            width=1,
        )
    elif hair:
        _hair(p, x, head_y, head_r, hair, hair_style)
    if arm_up:
        p.rect(
            x + head_r * 0.7,
            neck_y - head_r * 1.6,
            x + head_r * 1.25,
            neck_y - head_r * 0.5,
            (30, 30, 30),
            width=1,
            radius=2,
        )


def seated_person(
    p,
    x,
    table_y,
    height,
    *,
    top,
    skin=SKIN["rosy"],
    hair=HAIR["dark_brown"],
    hair_style="short",
    build=1.0,
    from_behind=False,
):
    """Head and shoulders above a table edge (the rest is hidden by the table)."""
    head_r = height * 0.16
    cy = table_y - height * 0.55 - head_r * 0.85
    if hair_style == "long" and not from_behind:  # behind the shoulders, under the torso
        _hair(p, x, cy, head_r, hair, "long")
    p.rect(
        x - height * 0.32 * build,
        table_y - height * 0.55,
        x + height * 0.32 * build,
        table_y + 4,
        top,
        radius=height * 0.12,
    )
    if from_behind:
        p.circle(x, cy, head_r, hair if hair_style != "bald" else skin)
    else:
        p.circle(x, cy, head_r, skin)
        _hair(p, x, cy, head_r, hair, "short" if hair_style == "long" else hair_style)
        for ex in (x - head_r * 0.38, x + head_r * 0.38):
            p.circle(ex, cy + head_r * 0.15, head_r * 0.1, INK, outline=None)


def drum(p, x, base, w=46, h=66, colour=(28, 92, 170), lying=False):
    """A blue plastic drum (vat): a cylinder with ribs and a lid ellipse."""
    dark = _mix(colour, (0, 0, 0), 0.3)
    if lying:
        p.rect(x - h / 2, base - w, x + h / 2, base, colour, radius=w * 0.2)
        for t in (0.3, 0.7):
            rib = x - h / 2 + h * t
            p.line([(rib, base - w + 2), (rib, base - 2)], fill=dark, width=2)
        p.ellipse(
            x + h / 2 - w * 0.25,
            base - w,
            x + h / 2 + w * 0.25,
            base,
            _mix(colour, (255, 255, 255), 0.15),
        )
        p.circle(x + h / 2, base - w * 0.5, w * 0.08, dark, width=1)
        return
    p.rect(x - w / 2, base - h, x + w / 2, base - w * 0.08, colour)
    p.ellipse(x - w / 2, base - w * 0.18, x + w / 2, base + w * 0.02, colour)
    p.rect(x - w / 2 + 1.5, base - h + 2, x + w / 2 - 1.5, base - w * 0.1, colour, outline=None)
    for t in (0.33, 0.66):
        y = base - h + h * t
        p.line([(x - w / 2, y), (x + w / 2, y)], fill=dark, width=2)
    p.ellipse(
        x - w / 2,
        base - h - w * 0.1,
        x + w / 2,
        base - h + w * 0.1,
        _mix(colour, (255, 255, 255), 0.2),
    )
    p.circle(x + w * 0.22, base - h, w * 0.06, dark, width=1)
    p.rect(
        x - w * 0.35,
        base - h + h * 0.1,
        x - w * 0.22,
        base - h * 0.2,
        _mix(colour, (255, 255, 255), 0.25),
        outline=None,
    )  # highlight


def jerrycan(p, x, base, w=34, h=42, colour=(236, 236, 228)):
    p.rect(x - w / 2, base - h, x + w / 2, base, colour, radius=4)
    p.rect(x - w * 0.35, base - h - 6, x - w * 0.05, base - h + 2, colour, width=2)
    p.rect(
        x + w * 0.05,
        base - h - 4,
        x + w * 0.35,
        base - h + 1,
        _mix(colour, (0, 0, 0), 0.1),
        width=1,
    )
    p.line(
        [(x - w * 0.3, base - h * 0.6), (x + w * 0.3, base - h * 0.3)],
        fill=_mix(colour, (0, 0, 0), 0.2),
        width=1.5,
    )


CAR_SHAPES = {
    # (silhouette, side windows) as (u, v): u from rear (-1) to front (1), v as a share of height
    "sporty": (
        [
            (-1, 0.12),
            (-1, 0.45),
            (-0.9, 0.52),
            (-0.5, 0.6),
            (-0.2, 0.92),
            (0.12, 0.92),
            (0.45, 0.58),
            (0.95, 0.45),
            (1, 0.36),
            (1, 0.12),
        ],
        [(-0.45, 0.6), (-0.2, 0.85), (0.1, 0.85), (0.38, 0.6)],
    ),
    "sedan": (
        [
            (-1, 0.12),
            (-1, 0.5),
            (-0.85, 0.56),
            (-0.62, 0.6),
            (-0.42, 0.95),
            (0.2, 0.95),
            (0.42, 0.6),
            (0.92, 0.52),
            (1, 0.42),
            (1, 0.12),
        ],
        [(-0.58, 0.6), (-0.4, 0.88), (0.17, 0.88), (0.36, 0.6)],
    ),
}


def car(p, x, base, length=250, colour=(22, 24, 30), sporty=True, facing="left", lights=False):
    """A passenger car in side view; ``x`` is its centre. Dark paint, chrome and alloy wheels
    make it read as an expensive car."""
    sign = -1 if facing == "left" else 1
    half = length / 2
    height = length * (0.28 if sporty else 0.34)

    def at(u, v):
        return (x + sign * u * half, base - v * height)

    body, glass = CAR_SHAPES["sporty" if sporty else "sedan"]
    wheel_r = height * 0.25
    for u in (-0.62, 0.62):  # wheel arches
        cx, cy = at(u, 0.14)
        p.circle(cx, cy, wheel_r * 1.12, _mix(colour, (0, 0, 0), 0.4), outline=None)
    p.poly([at(u, v) for u, v in body], colour)
    p.poly([at(u, v) for u, v in glass], _mix((150, 175, 200), colour, 0.3), width=1)
    p.line([at(-0.05, 0.88), at(-0.05, 0.6)], fill=colour, width=4)
    p.line([at(-0.05, 0.6), at(-0.05, 0.16)], fill=_mix(colour, (0, 0, 0), 0.5), width=1.5)
    p.line([at(-0.95, 0.34), at(0.95, 0.34)], fill=(190, 194, 200), width=2)  # chrome strip
    p.line(
        [at(-0.9, 0.56), at(-0.5, 0.62), at(-0.2, 0.94)],
        fill=_mix(colour, (255, 255, 255), 0.25),
        width=1.5,
    )
    hx, hy = at(0.95, 0.42)
    p.circle(hx, hy, height * 0.06, (252, 244, 206), width=1)
    tx, ty = at(-0.97, 0.44)
    p.circle(tx, ty, height * 0.05, (200, 40, 40), width=1)
    for u in (-0.62, 0.62):
        cx, cy = at(u, 0.14)
        p.circle(cx, cy, wheel_r, (25, 25, 25))
        p.circle(cx, cy, wheel_r * 0.62, (206, 210, 216))
        for k in range(5):  # alloy spokes
            angle = k * 2 * math.pi / 5
            spoke = wheel_r * 0.58
            p.line(
                [(cx, cy), (cx + math.cos(angle) * spoke, cy + math.sin(angle) * spoke)],
                fill=(120, 124, 130),
                width=1.5,
            )
        p.circle(cx, cy, wheel_r * 0.12, (90, 90, 96), width=1)
    if lights:
        p.glow(hx + sign * 24, hy, 40, (255, 240, 190), 150)


def van_side(p, x, base, length=300, colour=(236, 236, 232), facing="left", lights=False):
    sign = -1 if facing == "left" else 1
    half = length / 2
    h = length * 0.42
    back_x = x - sign * half
    nose_x = x + sign * half
    cab_x = x + sign * half * 0.45
    p.poly(
        [
            (back_x, base - h * 0.12),
            (back_x, base - h),
            (cab_x, base - h),
            (nose_x - sign * length * 0.06, base - h * 0.5),
            (nose_x, base - h * 0.45),
            (nose_x, base - h * 0.12),
        ],
        colour,
    )
    p.poly(
        [
            (cab_x + sign * 6, base - h * 0.92),
            (nose_x - sign * length * 0.08, base - h * 0.52),
            (cab_x + sign * 6, base - h * 0.52),
        ],
        (110, 130, 150),
        width=1,
    )
    p.line([(cab_x, base - h), (cab_x, base - h * 0.14)], width=1.5)
    p.line(
        [(x - sign * half * 0.3, base - h * 0.95), (x - sign * half * 0.3, base - h * 0.14)],
        width=1.5,
    )
    for wx in (x - sign * half * 0.62, x + sign * half * 0.62):
        p.circle(wx, base - h * 0.1, h * 0.16, (25, 25, 25))
        p.circle(wx, base - h * 0.1, h * 0.08, (140, 140, 140))
    if lights:
        p.glow(nose_x + sign * 20, base - h * 0.35, 40, (255, 240, 190), 150)


def camera(p, x, y, facing="left"):
    """A small security camera on a bracket."""
    sign = -1 if facing == "left" else 1
    p.line([(x, y), (x + sign * 12, y + 8)], width=4)
    p.poly(
        [
            (x + sign * 8, y),
            (x + sign * 42, y + 8),
            (x + sign * 42, y + 26),
            (x + sign * 8, y + 18),
        ],
        (235, 235, 235),
        width=2,
    )
    p.circle(x + sign * 42, y + 17, 5, (40, 40, 48), width=1)
    p.circle(x + sign * 16, y + 8, 3, (210, 40, 40), outline=None)


def stars(p, seed, count, y_max, colour=(240, 240, 255)):
    rng = random.Random(seed)  # noqa: S311 - a fixed seed for a drawing, not for security
    for _ in range(count):
        x, y = rng.uniform(0, WIDTH), rng.uniform(0, y_max)
        r = rng.choice((0.8, 1.1, 1.5))
        p.circle(x, y, r, colour, outline=None)


# -- the illustrations --------------------------------------------------------------------------


def vacant_barn_at_dusk():
    """A vacant pig barn at dusk: blacked-out windows, PU foam, extra vents, drums, a van."""
    p = Painter()
    p.gradient((24, 32, 72), (112, 82, 130), 0, 300)
    p.gradient((112, 82, 130), (238, 146, 96), 300, 470)
    stars(p, seed=7, count=40, y_max=220)
    p.circle(1030, 110, 34, (246, 240, 214), outline=None)
    tree_line(p, 470, (40, 44, 52), seed=3)
    p.gradient((58, 70, 52), (34, 44, 32), 470, HEIGHT)
    # farm track towards the barn
    p.poly([(560, 590), (700, 590), (900, HEIGHT), (380, HEIGHT)], (92, 82, 66), outline=None)
    # the long side of the barn
    wall_top, wall_base = 400, 590
    p.rect(120, wall_top, 1000, wall_base, (178, 170, 156))
    p.rect(120, 530, 1000, wall_base, (140, 134, 126))  # concrete plinth
    p.poly([(100, wall_top + 2), (250, 300), (870, 300), (1020, wall_top + 2)], (96, 100, 108))
    for x in range(120, 1010, 22):  # corrugated roof sheets, converging towards the ridge
        p.line([(x, wall_top - 2), (250 + (x - 100) * 620 / 920, 302)], fill=(80, 84, 92), width=1)
    # ventilation: two old chimneys and four newer, larger pipes
    for x, h, new in (
        (250, 50, False),
        (380, 70, True),
        (470, 80, True),
        (600, 50, False),
        (700, 78, True),
        (790, 70, True),
    ):
        colour = (196, 200, 206) if new else (120, 116, 112)
        w = 26 if new else 18
        p.rect(x - w / 2, 300 - h, x + w / 2, 306, colour)
        p.rect(x - w / 2 - 6, 300 - h - 14, x + w / 2 + 6, 300 - h, colour)
        if new:
            p.shade(
                [
                    (x - 10, 300 - h - 16),
                    (x + 30, 300 - h - 70),
                    (x + 60, 300 - h - 66),
                    (x + 14, 300 - h - 16),
                ],
                (230, 230, 235),
                45,
            )
    # windows: blacked out and taped
    for x in range(160, 740, 72):
        p.rect(x, 430, x + 46, 472, (18, 18, 24))
        p.line([(x + 3, 433), (x + 43, 469)], fill=(186, 186, 176), width=4)
        p.line([(x + 43, 433), (x + 3, 469)], fill=(186, 186, 176), width=4)
        p.rect(x, 430, x + 46, 436, (186, 186, 176), width=1)
    # the sliding door, foamed shut at the edges
    p.rect(720, 420, 980, wall_base, (120, 96, 78))
    for x in range(735, 980, 30):
        p.line([(x, 424), (x, wall_base - 4)], fill=(98, 78, 64), width=2)
    foam = [(720, y) for y in range(424, wall_base, 14)]
    foam += [(980, y) for y in range(430, wall_base, 14)]
    foam += [(x, 420) for x in range(726, 980, 16)]
    for i, (fx, fy) in enumerate(foam):
        r = 5 + (i * 7) % 5
        p.circle(fx, fy, r, (236, 204, 92), width=1)
    # reflection of the dusk sky on the plinth
    p.shade([(120, 530), (1000, 530), (1000, 540), (120, 540)], (238, 146, 96), 40)
    # van reversed against the door: we see its front, headlights on
    vx, vbase = 850, 630
    p.rect(vx - 90, vbase - 180, vx + 90, vbase - 20, (232, 232, 228), radius=14)
    p.rect(vx - 78, vbase - 168, vx + 78, vbase - 110, (92, 110, 130), radius=8)
    p.rect(vx - 84, vbase - 64, vx + 84, vbase - 22, (208, 208, 204), radius=6)
    p.rect(vx - 38, vbase - 60, vx + 38, vbase - 40, (60, 60, 64), radius=4)
    p.rect(vx - 78, vbase - 24, vx - 46, vbase, (28, 28, 28), radius=4)
    p.rect(vx + 46, vbase - 24, vx + 78, vbase, (28, 28, 28), radius=4)
    for hx in (vx - 64, vx + 64):
        p.rect(hx - 15, vbase - 86, hx + 15, vbase - 70, (255, 244, 200), radius=4)
        p.glow(hx, vbase - 78, 22, (255, 246, 210), 130)
    p.rect(vx - 110, vbase - 136, vx - 90, vbase - 114, (40, 40, 40), radius=3)
    p.rect(vx + 90, vbase - 136, vx + 110, vbase - 114, (40, 40, 40), radius=3)
    p.shade(
        [(vx - 80, vbase - 10), (vx + 80, vbase - 10), (vx + 200, HEIGHT), (vx - 200, HEIGHT)],
        (255, 236, 180),
        40,
    )
    # drums, jerrycans, a gas bottle and an IBC by the wall
    p.rect(430, 500, 540, 600, (232, 232, 226))
    for x in range(436, 540, 20):
        p.line([(x, 500), (x, 600)], fill=(150, 150, 150), width=2)
    p.line([(430, 550), (540, 550)], fill=(150, 150, 150), width=2)
    drum(p, 585, 604)
    drum(p, 635, 606)
    drum(p, 690, 612, lying=True)
    drum(p, 608, 632)
    jerrycan(p, 360, 612)
    jerrycan(p, 398, 616, colour=(40, 110, 190))
    jerrycan(p, 330, 620, colour=(236, 236, 228))
    p.rect(290, 560, 312, 618, (220, 84, 60), radius=8)  # gas bottle
    p.rect(296, 550, 306, 562, (90, 90, 90), width=1)
    # fence posts in the foreground
    for x in range(30, 1200, 130):
        p.rect(x, 650, x + 12, 730, (86, 66, 48))
    p.line([(0, 668), (1200, 668)], fill=(60, 60, 60), width=1.5)
    p.line([(0, 700), (1200, 700)], fill=(60, 60, 60), width=1.5)
    return p.png()


WATER = (86, 110, 120)


def _ditch_band(y0, y1):
    """The water of the ditch between two heights, to draw over what lies in it."""

    def left(y):
        return 525 + (90 - 525) * (y - 432) / (HEIGHT - 432)

    def right(y):
        return 545 + (290 - 545) * (y - 432) / (HEIGHT - 432)

    return [(left(y0), y0), (right(y0), y0), (right(y1), y1), (left(y1), y1)]


def drums_on_forest_track():
    """Blue drums dumped on a forest track and in the ditch beside it."""
    p = Painter()
    p.gradient((168, 182, 192), (218, 222, 214), 0, 430)
    tree_line(p, 430, (70, 92, 70), seed=11, low=40, high=90)
    p.gradient((92, 112, 74), (70, 92, 56), 430, HEIGHT)
    # the track in perspective, with tyre tracks
    p.poly([(560, 430), (640, 430), (980, HEIGHT), (300, HEIGHT)], (190, 168, 126), outline=None)
    for offset in (-150, 150):
        p.line([(600 + offset * 0.12, 432), (640 + offset, HEIGHT)], fill=(160, 138, 100), width=10)
    # the ditch on the left, with water
    p.poly([(515, 430), (552, 430), (310, HEIGHT), (40, HEIGHT)], (74, 88, 62), outline=None)
    p.poly([(525, 432), (545, 432), (290, HEIGHT), (90, HEIGHT)], WATER, outline=None)
    p.shade([(532, 436), (540, 436), (330, 700), (280, 700)], (220, 230, 235), 50)
    # trees on both sides, big in front, small further away
    for x, base, h in (
        (470, 440, 110),
        (700, 440, 120),
        (420, 470, 180),
        (760, 470, 190),
        (330, 530, 280),
        (850, 530, 290),
        (150, 640, 460),
        (1060, 660, 480),
    ):
        tree(p, x, base, h, crown=(62, 104, 58), kind="pine" if x % 3 else "round")
    # dumped drums: on the verge, tipped over, and in the ditch
    p.shade([(600, 660), (760, 640), (820, 700), (640, 720)], (60, 44, 30), 120)  # leak stain
    drum(p, 650, 640, w=62, h=88)
    drum(p, 720, 632, w=60, h=86, colour=(32, 100, 176))
    drum(p, 690, 690, w=62, h=92, lying=True, colour=(26, 88, 164))
    drum(p, 590, 676, w=64, h=92)
    jerrycan(p, 780, 690, w=44, h=54)
    jerrycan(p, 830, 676, w=40, h=50, colour=(210, 210, 200))
    # two drums half sunk in the ditch: water drawn over their lower part
    drum(p, 340, 650, w=60, h=80)
    p.shade(_ditch_band(615, 660), WATER, 200)
    drum(p, 412, 566, w=44, h=60, lying=True)
    p.shade(_ditch_band(550, 572), WATER, 190)
    return p.png()


def chalet(p, x, base, w, h, wall, roof, *, rundown=False, label=None):
    roof_h = h * 0.55
    p.rect(x, base - h, x + w, base, wall)
    for y in range(round(base - h + 14), round(base), 14):  # wooden planks
        p.line([(x + 2, y), (x + w - 2, y)], fill=_mix(wall, (0, 0, 0), 0.15), width=1)
    p.poly(
        [(x - 16, base - h + 2), (x + w / 2, base - h - roof_h), (x + w + 16, base - h + 2)], roof
    )
    door_x = x + w * 0.62
    p.rect(door_x, base - h * 0.72, door_x + w * 0.2, base, _mix(wall, (0, 0, 0), 0.35))
    p.circle(door_x + w * 0.16, base - h * 0.36, 3, (210, 190, 90), width=1)
    win = (x + w * 0.12, base - h * 0.7, x + w * 0.48, base - h * 0.32)
    if rundown:
        p.rect(*win, (40, 40, 44))
        for k in range(3):  # boarded up
            y = win[1] + 8 + k * 16
            p.rect(win[0] - 6, y, win[2] + 6, y + 10, (150, 122, 88), width=1)
        for mx, my in (
            (x + w * 0.3, base - h - roof_h * 0.35),
            (x + w * 0.7, base - h - roof_h * 0.2),
        ):
            p.ellipse(mx - 22, my - 8, mx + 22, my + 8, (96, 120, 70), width=1)  # moss
        for gx in range(round(x - 10), round(x + w + 10), 12):  # weeds
            p.line([(gx, base + 2), (gx - 4, base - 20)], fill=(90, 120, 60), width=2)
            p.line([(gx + 4, base + 2), (gx + 8, base - 16)], fill=(90, 120, 60), width=2)
    else:
        p.rect(*win, (170, 205, 225))
        p.line([((win[0] + win[2]) / 2, win[1]), ((win[0] + win[2]) / 2, win[3])], width=2)
        p.rect(win[0] - 4, win[3], win[2] + 4, win[3] + 12, (170, 80, 60), width=1)  # flower box
        for fx in range(round(win[0] + 4), round(win[2]), 10):
            p.circle(fx, win[3] - 2, 4, (230, 70, 90) if fx % 20 else (250, 210, 60), width=1)
    if label:
        p.text(x + w / 2, base - h - roof_h * 0.35, label, 16, fill=(250, 250, 250))


def holiday_park():
    """A holiday park: tidy chalets and one run-down chalet with an expensive car and cameras."""
    p = Painter()
    p.gradient((110, 170, 225), (206, 228, 240), 0, 420)
    p.circle(150, 110, 46, (255, 236, 150), outline=None)
    tree_line(p, 420, (72, 116, 70), seed=21, low=60, high=120)
    p.gradient((120, 168, 90), (96, 146, 72), 420, HEIGHT)
    # the gravel path
    p.poly([(0, 640), (1200, 600), (1200, 680), (0, 730)], (206, 196, 172), outline=None)
    chalet(p, 40, 470, 170, 110, (150, 110, 74), (120, 56, 46))
    chalet(p, 280, 480, 170, 110, (110, 140, 100), (70, 70, 80))
    chalet(p, 1010, 470, 170, 110, (160, 120, 84), (120, 56, 46))
    # the run-down chalet in front, larger
    x, base, w, h = 560, 600, 300, 170
    chalet(p, x, base, w, h, (150, 150, 144), (96, 96, 92), rundown=True)
    p.rect(x + w - 10, base - h - 20, x + w + 40, base, (120, 120, 116))  # shed with blinded window
    camera(p, x - 4, base - h + 8, facing="left")
    camera(p, x + w + 44, base - h - 14, facing="right")
    p.rect(478, 400, 490, 610, (90, 90, 94))  # camera pole at the drive
    camera(p, 490, 410, facing="right")
    camera(p, 478, 436, facing="left")
    # the expensive car at the run-down chalet
    car(p, 700, 690, length=340, colour=(18, 20, 26), sporty=True, facing="right")
    # a sign at the entrance
    p.rect(70, 560, 80, 660, (110, 80, 56))
    p.rect(200, 560, 210, 660, (110, 80, 56))
    p.rect(50, 540, 230, 600, (64, 96, 70), radius=6)
    p.text(140, 570, "Vakantiepark", 22, fill=(246, 240, 220))
    tree(p, 980, 640, 230, kind="round")
    tree(p, 250, 560, 130, kind="pine")
    return p.png()


def crowded_chalet_interior():
    """The inside of a small chalet with eight mattresses, bunk beds and a tangle of plugs."""
    p = Painter()
    p.gradient((214, 204, 182), (196, 184, 160), 0, 470)
    for x in range(0, WIDTH, 60):  # wall panelling
        p.line([(x, 0), (x, 470)], fill=(184, 172, 148), width=2)
    p.gradient((150, 118, 86), (120, 92, 66), 470, HEIGHT)
    for y in (520, 590, 680):
        p.line([(0, y), (WIDTH, y)], fill=(104, 80, 58), width=2)
    # window with closed curtains
    p.rect(480, 90, 720, 290, (60, 70, 90))
    p.rect(480, 90, 600, 290, (150, 60, 56))
    p.rect(600, 90, 720, 290, (150, 60, 56))
    p.line([(470, 88), (730, 88)], width=5)
    # a bare bulb
    p.line([(600, 0), (600, 40)], width=2)
    p.circle(600, 52, 14, (255, 240, 170))
    p.glow(600, 52, 90, (255, 240, 190), 70)
    # two bunk beds against the wall: four mattresses
    for bx in (60, 880):
        p.rect(bx, 190, bx + 14, 500, (110, 110, 116))
        p.rect(bx + 246, 190, bx + 260, 500, (110, 110, 116))
        for y, colour in ((250, (70, 110, 160)), (420, (160, 90, 70))):
            p.rect(bx + 8, y, bx + 252, y + 30, (210, 206, 196), radius=6)
            p.rect(bx + 12, y - 14, bx + 80, y + 4, (240, 240, 236), radius=8)
            p.rect(bx + 90, y - 10, bx + 248, y + 10, colour, radius=6)
            p.rect(bx, y + 30, bx + 260, y + 40, (110, 110, 116))
    # four mattresses on the floor, side by side
    floor = [
        (150, 560, (86, 140, 110)),
        (410, 560, (200, 170, 80)),
        (670, 560, (110, 100, 160)),
        (280, 670, (180, 80, 90)),
    ]
    for mx, my, colour in floor:
        p.rect(mx, my, mx + 240, my + 70, (226, 222, 212), radius=10)
        p.rect(mx + 8, my - 6, mx + 70, my + 20, (246, 246, 242), radius=8)
        p.rect(mx + 80, my + 4, mx + 234, my + 56, colour, radius=8)
    # work clothes on a line, suitcases, boots
    p.line([(200, 140), (440, 150)], width=2)
    for k, colour in enumerate(((240, 120, 40), (60, 80, 120), (240, 200, 60), (90, 90, 90))):
        cx = 230 + k * 55
        p.poly(
            [(cx - 18, 143 + k * 2), (cx + 18, 143 + k * 2), (cx + 22, 200), (cx - 22, 200)], colour
        )
    p.rect(760, 440, 860, 500, (40, 60, 90), radius=8)
    p.rect(780, 470, 880, 530, (120, 40, 40), radius=8)
    for bx in (960, 1000, 1040):
        p.rect(bx, 650, bx + 30, 700, (70, 52, 36), radius=6)
    # an extension lead with too many plugs
    p.rect(560, 720, 720, 748, (245, 245, 245), radius=6)
    for k in range(5):
        px_ = 574 + k * 30
        p.rect(px_, 706, px_ + 18, 730, (30, 30, 30), radius=3)
        p.line([(px_ + 9, 706), (px_ + 9 - 40 + k * 25, 620 + k * 12)], fill=(30, 30, 30), width=2)
    p.line([(720, 734), (1190, 760)], fill=(30, 30, 30), width=2.5)
    p.rect(1100, 600, 1180, 650, (200, 200, 200), radius=4)  # hotplate
    p.circle(1125, 615, 9, (60, 60, 60), width=1)
    p.circle(1155, 615, 9, (60, 60, 60), width=1)
    return p.png()


def farmer_and_man_in_suit():
    """A farmyard: the farmer talks with a neat man in a suit by an expensive car; an empty shed."""
    p = Painter()
    p.gradient((140, 186, 226), (226, 232, 230), 0, 430)
    tree_line(p, 430, (80, 120, 76), seed=31, low=40, high=100)
    p.gradient((140, 170, 96), (118, 150, 80), 430, 520)
    p.rect(0, 520, WIDTH, HEIGHT, (176, 172, 164), outline=None)  # concrete yard
    for x in range(0, WIDTH, 150):
        p.line([(x, 520), (x - 120, HEIGHT)], fill=(160, 156, 148), width=2)
    # farmhouse on the left
    p.rect(40, 330, 360, 540, (164, 78, 60))
    for y in range(340, 540, 12):  # brick courses
        p.line([(42, y), (358, y)], fill=(140, 64, 50), width=1)
    p.poly([(20, 334), (200, 200), (380, 334)], (60, 62, 70))
    for wx in (80, 250):
        p.rect(wx, 380, wx + 70, 450, (190, 215, 230))
        p.line([(wx + 35, 380), (wx + 35, 450)], width=2)
        p.rect(wx - 4, 376, wx + 74, 384, (245, 245, 240), width=1)
    p.rect(170, 440, 220, 540, (40, 80, 60))
    # the empty shed, doors wide open
    p.rect(640, 280, 1160, 540, (128, 136, 130))
    p.poly([(620, 284), (900, 190), (1180, 284)], (92, 100, 98))
    for x in range(650, 1160, 24):
        p.line([(x, 284), (x, 540)], fill=(112, 120, 114), width=1)
    p.rect(760, 330, 1040, 540, (34, 34, 36))
    p.shade([(760, 540), (1040, 540), (980, 460), (820, 460)], (80, 80, 80), 120)
    p.rect(720, 330, 760, 540, (150, 156, 150))  # slid-open door panels
    p.rect(1040, 330, 1080, 540, (150, 156, 150))
    p.line([(880, 420), (900, 430), (930, 428)], fill=(200, 180, 110), width=2)  # a few straws
    # the expensive car
    car(p, 840, 660, length=360, colour=(20, 22, 28), sporty=False, facing="left")
    # the farmer (overalls, cap, boots) and the man in the suit
    person(
        p,
        420,
        700,
        250,
        top=(40, 80, 150),
        legs=(40, 80, 150),
        shoes=(30, 60, 40),
        cap=(40, 90, 60),
        skin=SKIN["olive"],
        build=1.18,
    )
    person(
        p,
        560,
        700,
        262,
        top=(44, 46, 56),
        legs=(44, 46, 56),
        shoes=(20, 20, 20),
        hair=HAIR["blond"],
        suit=True,
        item="briefcase",
        skin=SKIN["light"],
        build=0.92,
    )
    return p.png()


def municipal_meeting_room():
    """A municipal meeting room: a management team at the table, a map on the screen."""
    p = Painter()
    p.gradient((224, 224, 220), (206, 206, 200), 0, 520)
    p.gradient((140, 120, 100), (110, 92, 76), 520, HEIGHT)
    # window with the town: church tower and town hall
    p.gradient_box(760, 90, 1140, 400, (150, 196, 232), (206, 226, 238))
    p.rect(800, 230, 900, 400, (176, 100, 80))  # town hall
    p.poly([(790, 232), (850, 180), (910, 232)], (90, 90, 96))
    p.rect(960, 170, 1010, 400, (150, 140, 130))  # church tower
    p.poly([(952, 172), (985, 96), (1018, 172)], (70, 90, 90))
    p.rect(1040, 280, 1130, 400, (190, 170, 140))
    p.rect(760, 90, 1140, 400, None, width=6)
    p.line([(950, 90), (950, 400)], width=5)
    # the presentation screen: a map of the municipality with signals
    p.rect(80, 110, 600, 400, (40, 44, 52), radius=6)
    p.rect(96, 126, 584, 384, (236, 240, 232), outline=None)
    p.text(340, 146, "Ondermijningsbeeld buitengebied", 20, fill=(40, 44, 52))
    p.poly(
        [(130, 210), (250, 170), (380, 190), (450, 240), (420, 340), (260, 370), (150, 320)],
        (186, 214, 170),
        width=2,
    )
    p.line([(150, 260), (440, 290)], fill=(120, 160, 210), width=4)  # a river
    for dx, dy in ((220, 230), (300, 300), (360, 220), (260, 330), (400, 300)):
        p.circle(dx, dy, 8, (200, 40, 40), width=1)
    for k, height in enumerate((60, 110, 80, 140)):
        p.rect(470 + k * 26, 360 - height, 488 + k * 26, 360, (60, 100, 170), width=1)
    # the table and the team
    p.poly([(180, 560), (1020, 560), (1160, 760), (40, 760)], (150, 110, 74))
    p.poly([(40, 760), (1160, 760), (1160, 780), (40, 780)], (120, 86, 56))
    for x, top, skin, hair, style, build in (
        (330, (60, 80, 120), SKIN["light"], HAIR["grey"], "short", 1.1),
        (500, (140, 60, 70), SKIN["brown"], HAIR["black"], "long", 0.9),
        (680, (60, 110, 90), SKIN["olive"], HAIR["dark_brown"], "bun", 0.95),
        (850, (90, 90, 100), SKIN["deep"], HAIR["black"], "curly", 1.05),
    ):
        seated_person(p, x, 560, 170, top=top, skin=skin, hair=hair, hair_style=style, build=build)
    for x, top, hair, style in (
        (260, (200, 200, 206), HAIR["red"], "long"),
        (940, (50, 60, 90), HAIR["grey"], "bald"),
    ):
        seated_person(
            p,
            x,
            740,
            260,
            top=top,
            skin=SKIN["tan"],
            hair=hair,
            hair_style=style,
            from_behind=True,
        )
    # laptops, papers, cups
    for x in (380, 720):
        p.poly([(x, 600), (x + 90, 600), (x + 100, 640), (x - 10, 640)], (190, 194, 200))
        p.rect(x + 4, 560, x + 86, 600, (50, 54, 60))
    for x, y in ((540, 620), (600, 680), (820, 660)):
        p.poly(
            [(x, y), (x + 70, y - 4), (x + 76, y + 40), (x + 4, y + 44)], (250, 250, 246), width=1
        )
    for x, y in ((480, 650), (690, 690)):
        p.rect(x, y, x + 22, y + 26, (250, 250, 250), radius=4)
    return p.png()


def boa_on_country_road():
    """A BOA with a tablet beside an enforcement car on a country road, a barn in the distance."""
    p = Painter()
    p.gradient((120, 176, 224), (214, 230, 238), 0, 440)
    tree_line(p, 440, (86, 124, 80), seed=41, low=30, high=70)
    p.gradient((150, 180, 100), (120, 156, 80), 440, HEIGHT)
    for k in range(8):  # furrows in the field
        y = 470 + k * 18
        p.line([(0, y), (WIDTH, y - 10)], fill=(130, 160, 84), width=2)
    # a distant barn
    p.rect(860, 380, 1040, 440, (170, 160, 150))
    p.poly([(850, 382), (950, 340), (1050, 382)], (100, 100, 106))
    # the road
    p.poly([(0, 620), (WIDTH, 580), (WIDTH, 700), (0, 760)], (86, 88, 92), outline=None)
    for x in range(40, WIDTH, 160):
        y = 690 - x * 0.05
        p.line([(x, y), (x + 80, y - 3.5)], fill=(236, 236, 230), width=4)
    # the car of the enforcement team
    van_side(p, 760, 650, length=360, colour=(246, 246, 246), facing="right")
    p.rect(590, 560, 940, 582, (40, 110, 70), outline=None)
    p.rect(590, 582, 940, 594, (244, 196, 40), outline=None)
    p.text(720, 540, "HANDHAVING", 22, fill=(40, 110, 70))
    # the BOA
    person(
        p,
        420,
        690,
        280,
        top=(34, 52, 76),
        legs=(30, 40, 56),
        cap=(34, 52, 76),
        item="tablet",
        skin=SKIN["deep"],
        build=1.05,
    )
    tree(p, 140, 600, 300, kind="round")
    return p.png()


def shed_at_night():
    """A rented shed at night: light leaks round the door, strangers' cars, the farmer on the
    phone in his doorway."""
    p = Painter()
    p.gradient((10, 14, 34), (40, 50, 86), 0, 460)
    stars(p, seed=51, count=90, y_max=400)
    p.circle(180, 90, 30, (236, 236, 220), outline=None)
    p.circle(192, 84, 28, (14, 18, 40), outline=None)  # crescent
    tree_line(p, 460, (16, 20, 28), seed=53)
    p.gradient((28, 34, 30), (18, 22, 20), 460, HEIGHT)
    # the shed with light leaking around the door
    p.rect(420, 300, 1000, 560, (70, 74, 82))
    p.poly([(400, 304), (710, 200), (1020, 304)], (48, 50, 58))
    p.rect(620, 380, 820, 560, (54, 56, 62))
    p.glow(720, 470, 130, (255, 214, 130), 90)
    for x0, y0, x1, y1 in ((616, 376, 624, 560), (816, 376, 824, 560), (616, 374, 824, 382)):
        p.rect(x0, y0, x1, y1, (255, 226, 150), outline=None)
    p.rect(470, 360, 540, 400, (20, 20, 24))  # blinded window
    # the farmhouse with a lit doorway, and the farmer on the phone
    p.rect(20, 380, 300, 580, (86, 60, 52))
    p.poly([(0, 384), (160, 290), (320, 384)], (40, 40, 46))
    p.rect(110, 450, 180, 580, (255, 220, 150))
    p.glow(145, 520, 90, (255, 210, 140), 70)
    person(
        p,
        145,
        585,
        150,
        top=(40, 70, 120),
        legs=(40, 70, 120),
        cap=(40, 80, 56),
        arm_up=True,
        skin=SKIN["tan"],
        build=1.12,
    )
    # a van and a car that the farmer does not know
    van_side(p, 900, 640, length=300, colour=(150, 150, 156), facing="left", lights=True)
    car(p, 560, 680, length=280, colour=(30, 30, 36), sporty=False, facing="right", lights=True)
    return p.png()


def cow(p, x, base, facing="left"):
    """A black-and-white cow in side view, ``x`` its centre."""
    d = -1 if facing == "left" else 1
    for lx in (x - 26, x - 14, x + 14, x + 26):
        p.rect(lx - 3, base - 22, lx + 3, base, (60, 56, 52), width=1)
    p.ellipse(x - 40, base - 48, x + 40, base - 18, (246, 244, 238))
    p.ellipse(x - 20, base - 44, x + 2, base - 28, (40, 38, 36), outline=None)
    p.ellipse(x + 12, base - 40, x + 30, base - 24, (40, 38, 36), outline=None)
    hx = x + d * 46
    p.ellipse(hx - 12, base - 56, hx + 12, base - 34, (246, 244, 238))
    p.ellipse(hx - 6 + d * 4, base - 44, hx + 6 + d * 6, base - 34, (230, 180, 170), width=1)


def tractor(p, x, base):
    """A green tractor in side view, ``x`` its left edge."""
    p.rect(x + 10, base - 52, x + 90, base - 22, (46, 130, 70))
    p.rect(x + 60, base - 92, x + 112, base - 40, (46, 130, 70))
    p.rect(x + 68, base - 86, x + 104, base - 58, (170, 206, 226), width=1)
    p.rect(x + 22, base - 70, x + 30, base - 52, (60, 60, 60), width=1)  # exhaust
    p.circle(x + 92, base - 34, 34, (40, 40, 40))
    p.circle(x + 92, base - 34, 14, (220, 190, 60))
    p.circle(x + 24, base - 18, 18, (40, 40, 40))
    p.circle(x + 24, base - 18, 8, (220, 190, 60))


def rural_overview():
    """The rural area seen from a dike: a farm with a container beside it, a long stall, a
    dead-end track at the edge of a wood, cows, a tractor, a walker and a church tower."""
    p = Painter()
    p.gradient((130, 184, 230), (222, 234, 240), 0, 300)
    p.circle(1080, 80, 40, (255, 238, 160), outline=None)
    tree_line(p, 300, (92, 128, 90), seed=61, low=24, high=54)
    # the church tower of the village on the horizon
    p.rect(588, 240, 612, 302, (176, 160, 140))
    p.poly([(584, 242), (600, 194), (616, 242)], (80, 96, 96))
    p.rect(596, 256, 604, 270, (60, 60, 64), width=1)
    # fields in strips, the meadow in front
    p.gradient((170, 192, 110), (150, 180, 96), 300, 560)
    for k, colour in enumerate(((196, 178, 112), (160, 186, 100), (184, 170, 104), (150, 176, 92))):
        y0 = 310 + k * 34
        p.poly([(0, y0), (WIDTH, y0 - 6), (WIDTH, y0 + 22), (0, y0 + 28)], colour, outline=None)
    p.gradient((122, 170, 84), (104, 152, 70), 560, HEIGHT)
    for k in range(6):  # furrows in the field on the right
        y = 620 + k * 26
        p.line([(560, y), (1200, y - 20)], fill=(112, 150, 70), width=2)
    # the wood on the right and the dead-end track into it
    for k, (tx, base, height) in enumerate(
        ((1000, 470, 170), (1060, 460, 190), (1120, 470, 180), (1180, 462, 200), (1150, 480, 150))
    ):
        tree(p, tx, base, height, kind="pine" if k % 2 else "round")
    p.poly(
        [(900, 568), (990, 562), (1160, 532), (1160, 512), (1010, 522)],
        (196, 176, 136),
        outline=None,
    )
    drum(p, 1058, 548, w=26, h=36)
    drum(p, 1090, 538, w=26, h=36)
    drum(p, 1122, 546, w=24, h=34, lying=True)
    jerrycan(p, 1036, 550, w=18, h=22)
    # the farm on the left: house, and a sea container with a cable and a vent beside it
    p.rect(70, 390, 250, 470, (170, 84, 64))
    for y in range(400, 470, 10):
        p.line([(72, y), (248, y)], fill=(146, 70, 54), width=1)
    p.poly([(56, 394), (160, 326), (264, 394)], (70, 70, 78))
    for wx in (96, 190):
        p.rect(wx, 410, wx + 36, 440, (190, 214, 228))
        p.line([(wx + 18, 410), (wx + 18, 440)], width=1.5)
    p.rect(146, 430, 172, 470, (50, 80, 60))
    p.rect(286, 424, 416, 472, (170, 70, 50))
    for cx in range(296, 416, 12):
        p.line([(cx, 426), (cx, 470)], fill=(140, 56, 40), width=1.5)
    p.rect(392, 404, 404, 426, (200, 204, 210), width=1.5)  # a vent on the roof
    p.line([(250, 452), (270, 466), (288, 458)], fill=(20, 20, 20), width=3)  # a thick cable
    # the long stall in the middle: blinded windows and three new pipes on the roof
    p.rect(490, 440, 850, 516, (184, 176, 162))
    p.poly([(474, 442), (560, 372), (780, 372), (866, 442)], (104, 108, 116))
    for x in range(490, 850, 20):
        p.line([(x, 442), (560 + (x - 474) * 220 / 392, 374)], fill=(90, 94, 102), width=1)
    for vx in (600, 680, 760):
        p.rect(vx - 9, 338, vx + 9, 376, (200, 204, 210))
        p.rect(vx - 14, 330, vx + 14, 340, (200, 204, 210))
    for wx in range(510, 830, 54):
        p.rect(wx, 458, wx + 30, 484, (20, 20, 26))
        p.line([(wx + 2, 460), (wx + 28, 482)], fill=(190, 190, 180), width=2.5)
        p.line([(wx + 28, 460), (wx + 2, 482)], fill=(190, 190, 180), width=2.5)
    # the country road with a walker
    p.poly([(0, 585), (WIDTH, 548), (WIDTH, 578), (0, 620)], (120, 120, 124), outline=None)
    person(
        p,
        450,
        598,
        70,
        top=(200, 90, 60),
        legs=(50, 60, 90),
        skin=SKIN["deep"],
        hair=HAIR["black"],
        hair_style="long",
        build=0.9,
    )
    # cows in the meadow and a tractor on the field
    for cx, base, facing in ((150, 680, "left"), (250, 694, "right"), (350, 672, "left")):
        cow(p, cx, base, facing)
    tractor(p, 652, 688)
    return p.png()


@dataclass(frozen=True)
class Illustration:
    title: str
    alt_text: str  # stored as the image's description, used wherever no contextual alt is given
    draw: object


ILLUSTRATIONS = {
    "schuur": Illustration(
        "Demo: leegstaande varkensstal bij schemering",
        "Een leegstaande varkensstal bij schemering. De ramen zijn zwart gemaakt en afgeplakt, "
        "langs de schuifdeur zit geel PU-schuim en op het dak staan nieuwe ventilatiepijpen. "
        "Een wit busje staat tegen de deur, ernaast vaten, jerrycans en een gasfles.",
        vacant_barn_at_dusk,
    ),
    "vaten": Illustration(
        "Demo: blauwe vaten op een bospad",
        "Een zandpad door het bos met blauwe vaten en jerrycans langs de kant. Eén vat ligt "
        "omgevallen in een donkere vlek op de grond, twee vaten liggen half in het water van de "
        "sloot naast het pad.",
        drums_on_forest_track,
    ),
    "vakantiepark": Illustration(
        "Demo: vakantiepark met verwaarloosd chalet",
        "Een vakantiepark met nette houten chalets. Vooraan een verwaarloosd grijs chalet met "
        "mos op het dak en een dichtgetimmerd raam, met beveiligingscamera's aan de gevel en "
        "op een paal. Voor de deur staat een dure zwarte sportauto.",
        holiday_park,
    ),
    "matrassen": Illustration(
        "Demo: overvol chalet met matrassen",
        "Het interieur van een klein chalet met acht matrassen: vier in twee stapelbedden en vier "
        "naast elkaar op de vloer. Gordijnen dicht, een kale lamp, werkkleding aan een waslijn, "
        "koffers, werkschoenen, een kookplaatje en een stekkerdoos vol stekkers.",
        crowded_chalet_interior,
    ),
    "erf": Illustration(
        "Demo: boer en man in pak op het erf",
        "Een boerenerf met een bakstenen woonhuis en een grote, lege loods met open deuren. Op het "
        "erf praat een boer in blauwe overall en pet met een verzorgde man in een donker pak met "
        "stropdas en aktetas. Achter hen staat een dure zwarte auto.",
        farmer_and_man_in_suit,
    ),
    "vergaderzaal": Illustration(
        "Demo: managementteam in het gemeentehuis",
        "Een vergaderzaal in het gemeentehuis: zes mensen aan een lange tafel met laptops en "
        "papieren. Op het scherm een kaart van het buitengebied met rode stippen, getiteld "
        "‘Ondermijningsbeeld buitengebied’. Door het raam een kerktoren.",
        municipal_meeting_room,
    ),
    "boa": Illustration(
        "Demo: boa met tablet op een landweg",
        "Een boa in donkerblauw uniform met pet staat met een tablet in de hand langs een "
        "landweg, naast een witte dienstauto met groen-gele striping en het opschrift "
        "‘Handhaving’. Achter hem akkers, bomen en in de verte een schuur.",
        boa_on_country_road,
    ),
    "buitengebied": Illustration(
        "Demo: het buitengebied vanaf de dijk",
        "Het buitengebied op een zomerdag: weilanden met koeien, een weg met een wandelaar, een "
        "boerderij met een rode container ernaast, een stal met afgeplakte ramen en pijpen op het "
        "dak, een trekker, vaten bij de bosrand en een kerktoren.",
        rural_overview,
    ),
    "loods_nacht": Illustration(
        "Demo: verhuurde loods bij nacht",
        "Een loods op een boerenerf bij nacht. Rond de dichte deur lekt fel licht naar buiten, "
        "een raam is dichtgemaakt. Op het erf een onbekend busje en een donkere auto met de "
        "lichten aan. In de deuropening van het woonhuis staat de boer te bellen.",
        shed_at_night,
    ),
}


@cache
def render(key):
    """PNG bytes of one illustration, drawn once per process."""
    return ILLUSTRATIONS[key].draw()


def per_mille(*points):
    """A hotspot shape for a region of an illustration, from points in the drawing's 1200 × 800
    space: two points give a rectangle, more a polygon (see ``scenarios.hotspots``)."""
    return " ".join(f"{round(x * 1000 / WIDTH)},{round(y * 1000 / HEIGHT)}" for x, y in points)
