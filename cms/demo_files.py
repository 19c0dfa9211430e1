"""Files the demo site needs, made in code: worksheets as small PDFs and organisations' wordmarks."""

import io

from PIL import Image, ImageDraw, ImageFont

FONT_PATHS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
)


def _pdf_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def text_pdf(title: str, lines: list[str]) -> bytes:
    """A one-page A4 PDF with a title and lines of text (Helvetica, Western European characters)."""
    ops = ["BT", "/F2 16 Tf", "56 780 Td", f"({_pdf_text(title)}) Tj", "/F1 11 Tf", "0 -28 Td"]
    for line in lines:
        ops.append(f"({_pdf_text(line)}) Tj")
        ops.append("0 -18 Td")
    ops.append("ET")
    content = "\n".join(ops).encode("cp1252", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
        b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def _font(size: int):
    for path in FONT_PATHS:
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            continue
    return ImageFont.load_default()


def wordmark_png(text: str, colour: str) -> bytes:
    """A simple wordmark: the organisation's short name in white on its colour (480 x 192 pixels)."""
    image = Image.new("RGB", (480, 192), colour)
    draw = ImageDraw.Draw(image)
    size = 64
    font = _font(size)
    while size > 20 and draw.textlength(text, font=font) > 420:
        size -= 4
        font = _font(size)
    width = draw.textlength(text, font=font)
    draw.text(((480 - width) / 2, (192 - size) / 2 - 4), text, fill="white", font=font)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def banner_png(colour: str, accent: str) -> bytes:
    """An abstract banner (1200 x 630, the size social media show) of overlapping circles."""
    image = Image.new("RGB", (1200, 630), colour)
    draw = ImageDraw.Draw(image)
    for i, (x, y, r) in enumerate([(200, 420, 260), (640, 180, 220), (1020, 470, 300)]):
        draw.ellipse((x - r, y - r, x + r, y + r), fill=accent if i % 2 == 0 else "white")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
