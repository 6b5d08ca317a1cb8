"""Write the demo video guides' files: for each, a six-second silent VP8 WebM and its poster PNG.

The files next to this script are committed; ``help.setup`` loads them. The
project does not depend on PyAV, so run this with a throwaway environment:

    python3 -m venv /tmp/avenv && /tmp/avenv/bin/pip install av pillow
    /tmp/avenv/bin/python help/content/files/make_demo_guide.py

Each frame shows one step of a filing in Azerbaijani, with the word "DEMO",
and the .vtt captions next to this script describe the same steps.
"""

from fractions import Fraction
from pathlib import Path

import av
from PIL import Image, ImageDraw, ImageFont

FILES_DIR = Path(__file__).resolve().parent
WIDTH, HEIGHT = 320, 180
FRAMES_PER_SECOND = 10
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

# File name stem → (seconds on screen, step number, text) per step: the same steps as its captions.
GUIDES = {
    "muraciet-demo": (
        (2, "1", "Hesabınıza daxil olun"),
        (2, "2", "Formu doldurun"),
        (2, "3", "Yoxlayın və göndərin"),
    ),
    "qrant-demo": (
        (2, "1", "Müqaviləni imzalayın"),
        (2, "2", "Qrant məlumatlarını yazın"),
        (2, "3", "Sənədləri əlavə edin"),
    ),
}


def frame_image(step: str, text: str) -> Image.Image:
    image = Image.new("RGB", (WIDTH, HEIGHT), (11, 61, 145))
    draw = ImageDraw.Draw(image)
    draw.text((12, 10), "DEMO", font=ImageFont.truetype(FONT, 16), fill=(255, 221, 0))
    draw.ellipse((20, 60, 80, 120), fill=(255, 255, 255))
    draw.text((50, 90), step, font=ImageFont.truetype(FONT, 32), fill=(11, 61, 145), anchor="mm")
    draw.text((96, 90), text, font=ImageFont.truetype(FONT, 15), fill=(255, 255, 255), anchor="lm")
    return image


def write_video(path: Path, steps) -> None:
    with av.open(str(path), "w", format="webm") as container:
        stream = container.add_stream("libvpx", rate=FRAMES_PER_SECOND)
        stream.width, stream.height = WIDTH, HEIGHT
        stream.pix_fmt = "yuv420p"
        stream.time_base = Fraction(1, FRAMES_PER_SECOND)
        stream.options = {"crf": "30", "b:v": "200k"}
        index = 0
        for seconds, step, text in steps:
            image = frame_image(step, text)
            for _ in range(seconds * FRAMES_PER_SECOND):
                frame = av.VideoFrame.from_image(image)
                frame.pts = index
                index += 1
                container.mux(stream.encode(frame))
        container.mux(stream.encode(None))


if __name__ == "__main__":
    for stem, steps in GUIDES.items():
        write_video(FILES_DIR / f"{stem}.webm", steps)
        frame_image(*steps[0][1:]).save(FILES_DIR / f"{stem}-poster.png", optimize=True)
