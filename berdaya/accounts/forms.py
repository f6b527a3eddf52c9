from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, SetPasswordMixin, UserCreationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from berdaya.regions.models import Level, Region
from berdaya.regions.selectors import jurisdiction_code

from . import throttle
from .models import User
from .roles import Role


class LoginForm(AuthenticationForm):
    """Django's login form behind the throttle (accounts/throttle.py)."""

    error_messages = {
        **AuthenticationForm.error_messages,
        # Django's Indonesian catalogue reads "Masukkan nama pengguna %(username)s ..." with %(username)s the
        # field's own name ("nama pengguna"): the name twice. Our own sentence names it once.
        "invalid_login": _(
            "Nama pengguna atau kata sandi salah. Huruf besar dan kecil dibedakan pada keduanya."
        ),
        "throttled": _("Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam %(minutes)d menit."),
    }

    def clean(self):
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if username is None or not password:
            return super().clean()
        address = throttle.client_address(self.request)
        # Refused before the password is checked: a locked account tells a guesser nothing.
        wait = throttle.wait_seconds(username, address)
        if wait > 0:
            raise ValidationError(
                self.error_messages["throttled"], code="throttled", params={"minutes": throttle.minutes(wait)}
            )
        try:
            cleaned = super().clean()
        except ValidationError:
            throttle.record_failure(username, address)
            raise
        throttle.clear(username, address)
        return cleaned


class TwoFactorResetForm(forms.Form):
    """Confirm a second-factor reset: why, and a current code of the administrator's own authenticator."""

    reason = forms.CharField(
        label=_("Alasan"),
        max_length=200,
        help_text=_("Misalnya: ponsel hilang, dilaporkan lewat telepon pada tanggal ..."),
    )
    code = forms.CharField(
        label=_("Kode dari aplikasi autentikator Anda"),
        max_length=12,
        help_text=_("6 angka dari aplikasi autentikator Anda sendiri, bukan kode pemulihan."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def __init__(self, *args, admin, **kwargs):
        super().__init__(*args, **kwargs)
        self.admin = admin

    def clean_code(self):
        from .two_factor import own_code_valid

        code = self.cleaned_data["code"]
        if not own_code_valid(self.admin, code):
            raise ValidationError(_("Kode tidak cocok. Ketik kode yang sedang tampil di aplikasi Anda."))
        return code


def area_choices(current: str = "") -> list:
    """Kecamatan of the jurisdiction, each followed by its kelurahan, as <optgroup>s."""
    regions = (
        Region.objects.current()
        .within(jurisdiction_code())
        .filter(level__in=[Level.DISTRICT, Level.VILLAGE])
        .order_by("code")
    )
    groups: dict[str, list] = {}
    names: dict[str, str] = {}
    for region in regions:
        if region.level == Level.DISTRICT:
            names[region.code] = region.name
            everywhere = gettext("Seluruh Kecamatan %(name)s") % {"name": region.name}
            groups.setdefault(region.code, []).insert(0, (region.code, everywhere))
        else:
            groups.setdefault(region.code[:8], []).append(
                (region.code, f"{region.get_kind_display()} {region.name}")
            )
    choices: list = [("", gettext("— Tanpa wilayah tugas —"))]
    for district_code, options in groups.items():
        label = gettext("Kecamatan %(name)s") % {"name": names.get(district_code, district_code)}
        choices.append((label, options))
    known = {code for options in groups.values() for code, _name in options}
    if current and current not in known:
        # A code no longer in the list (a region split) stays selectable until someone changes it.
        choices.append((current, current))
    return choices


class StaffFieldsMixin:
    """Role and working area, shared by the create and edit forms."""

    def _setup_staff_fields(self, current_area: str = ""):
        self.fields["area"] = forms.ChoiceField(
            label=_("Wilayah tugas"),
            required=False,
            choices=area_choices(current_area),
            help_text=_("Untuk petugas lapangan: kecamatan atau kelurahan tempat ia bertugas."),
        )
        self.fields["role"].help_text = _("Peran menentukan data yang dapat dilihat dan diubah.")

    def clean_nip(self) -> str:
        nip = "".join((self.cleaned_data.get("nip") or "").split())
        if nip and not (nip.isdigit() and len(nip) == 18):
            raise ValidationError(_("NIP harus 18 digit angka."), code="invalid_nip")
        return nip

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("role") == Role.PETUGAS_LAPANGAN and not cleaned.get("area"):
            self.add_error("area", _("Petugas lapangan harus punya wilayah tugas."))
        return cleaned


class UserCreateForm(StaffFieldsMixin, UserCreationForm):
    """A new member of staff with an initial password they change after signing in."""

    class Meta(UserCreationForm.Meta):
        model = User
        fields = (
            "username",
            "first_name",
            "last_name",
            "email",
            "phone",
            "nip",
            "rank",
            "position",
            "role",
            "area",
        )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._setup_staff_fields()
        self.fields["password1"].label = _("Kata sandi awal")
        self.fields["password2"].label = _("Ulangi kata sandi awal")
        self.fields["password1"].help_text = _(
            "Minimal 10 karakter, tidak umum dan tidak hanya angka. "
            "Sampaikan secara langsung, bukan lewat pesan."
        )
        self.fields["password2"].help_text = ""


class UserEditForm(StaffFieldsMixin, SetPasswordMixin, forms.ModelForm):
    """Name, contact, role, area and active flag; optionally a new password. Staff are never deleted."""

    new_password1 = forms.CharField(
        label=_("Kata sandi baru"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Kosongkan bila kata sandi tidak diganti."),
    )
    new_password2 = forms.CharField(
        label=_("Ulangi kata sandi baru"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    class Meta:
        model = User
        fields = (
            "first_name", "last_name", "email", "phone", "nip", "rank", "position", "role", "area",
            "is_active",
        )  # fmt: skip
        help_texts = {
            "is_active": _("Pengguna nonaktif tidak dapat masuk. Data yang pernah ia buat tetap tersimpan."),
        }

    def __init__(self, *args, editor=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.editor = editor
        self._setup_staff_fields(self.instance.area)

    def clean(self):
        cleaned = super().clean()
        if self.editor is not None and self.editor.pk == self.instance.pk:
            # An administrator locking themselves out leaves the office with no one to fix it.
            if not cleaned.get("is_active", True):
                self.add_error("is_active", _("Anda tidak dapat menonaktifkan akun Anda sendiri."))
            if cleaned.get("role") and cleaned["role"] != Role.ADMIN:
                self.add_error(
                    "role", _("Anda tidak dapat mencabut peran Administrator dari akun Anda sendiri.")
                )
        password1 = cleaned.get("new_password1")
        password2 = cleaned.get("new_password2")
        if password1 or password2:
            if password1 != password2:
                self.add_error("new_password2", self.error_messages["password_mismatch"])
            else:
                try:
                    password_validation.validate_password(password1, self.instance)
                except ValidationError as error:
                    self.add_error("new_password1", error)
        return cleaned

    def save(self, commit=True):
        user = super().save(commit=False)
        if self.cleaned_data.get("new_password1"):
            user.set_password(self.cleaned_data["new_password1"])
        if commit:
            user.save()
        return user


class UserFilterForm(forms.Form):
    q = forms.CharField(label=_("Cari"), required=False, help_text=_("Nama pengguna, nama atau email."))
    role = forms.ChoiceField(
        label=_("Peran"), required=False, choices=[("", _("Semua peran")), *Role.choices]
    )
    active = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Semua")), ("1", _("Aktif")), ("0", _("Nonaktif"))],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.input_type = "search"
