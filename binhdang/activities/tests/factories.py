import datetime as dt
import io

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw

from binhdang.accounts.tests.factories import OrgUnitFactory
from binhdang.activities.choices import ActivityType, Audience
from binhdang.activities.models import Activity, Campaign
from binhdang.activities.services import action_month_flag


class ActivityFactory(factory.django.DjangoModelFactory):
    """Saves through the model directly (derived columns filled); services are tested on
    their own."""

    class Meta:
        model = Activity

    unit = factory.SubFactory(OrgUnitFactory)
    title = factory.Sequence(lambda n: f"Tuyên truyền Luật Bình đẳng giới số {n}")
    activity_type = ActivityType.COMMUNICATION
    start_date = dt.date(2026, 3, 8)
    end_date = factory.LazyAttribute(lambda o: o.start_date)
    audiences = factory.LazyFunction(lambda: [Audience.STAFF, Audience.STUDENTS])
    staff_female = 20
    staff_male = 10
    students_female = 150
    students_male = 140

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        activity = model_class(*args, **kwargs)
        activity.derive()
        if "is_action_month" not in kwargs:
            activity.is_action_month = action_month_flag(activity)
        activity.save()
        return activity


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign

    year = 2026
    title = "Tháng hành động vì bình đẳng giới và phòng, chống bạo lực trên cơ sở giới"
    start_date = dt.date(2026, 11, 5)
    end_date = dt.date(2026, 11, 25)
    counted_types = factory.LazyFunction(
        lambda: [ActivityType.LAUNCH, ActivityType.TALK, ActivityType.CONTEST]
    )


def png_bytes(text: str = "BinhDang", size: tuple[int, int] = (240, 160)) -> bytes:
    image = Image.new("RGB", size, "#9b1c5a")
    ImageDraw.Draw(image).text((10, 10), text, fill="white")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def jpeg_bytes(size: tuple[int, int] = (200, 120)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "#1565c0").save(buffer, format="JPEG")
    return buffer.getvalue()


def png_upload(name: str = "anh-hoat-dong.png", **kwargs) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, png_bytes(**kwargs), content_type="image/png")


def pdf_bytes() -> bytes:
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )
