from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from . import services, two_factor
from .forms import LoginForm, UserCreateForm, UserEditForm, UserFilterForm
from .models import User
from .roles import Role

USER_SORTS = {"username", "-username", "last_login", "-last_login", "role", "-role"}


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        services.user_login_record(user=form.get_user())
        second_step = two_factor.begin(self.request, form.get_user(), self.get_success_url())
        return redirect(second_step) if second_step else response


login = login_not_required(LoginView.as_view())
# POST only (Django's LogoutView refuses GET): a link or an <img> elsewhere cannot sign someone out.
logout = auth_views.LogoutView.as_view()


def _require_admin(user) -> None:
    if getattr(user, "role", None) != Role.ADMIN:
        raise PermissionDenied


def users(request):
    _require_admin(request.user)
    filter_form = UserFilterForm(request.GET or None)
    staff = User.objects.all()
    if filter_form.is_valid():
        if q := filter_form.cleaned_data["q"].strip():
            staff = staff.filter(
                Q(username__icontains=q)
                | Q(first_name__icontains=q)
                | Q(last_name__icontains=q)
                | Q(email__icontains=q)
            )
        if role := filter_form.cleaned_data["role"]:
            staff = staff.filter(role=role)
        if active := filter_form.cleaned_data["active"]:
            staff = staff.filter(is_active=active == "1")
    sort = request.GET.get("sort", "")
    staff = staff.order_by(sort if sort in USER_SORTS else "username", "pk")
    page_obj = Paginator(staff, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "accounts/users.html",
        {"nav": "users", "filter_form": filter_form, "page_obj": page_obj, "filtered": bool(request.GET)},
    )


def user_create(request):
    _require_admin(request.user)
    form = UserCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = services.user_create(actor=request.user, form=form)
        messages.success(request, _("Pengguna %(name)s dibuat.") % {"name": user})
        return redirect("accounts:users")
    return render(request, "accounts/user_form.html", {"nav": "users", "form": form, "creating": True})


def user_edit(request, pk: int):
    _require_admin(request.user)
    user = get_object_or_404(User, pk=pk)
    before = services.user_snapshot(user)  # taken now: validating the form changes the instance
    form = UserEditForm(request.POST or None, instance=user, editor=request.user)
    if request.method == "POST" and form.is_valid():
        user = services.user_update(actor=request.user, form=form, before=before)
        messages.success(request, _("Perubahan pada %(name)s disimpan.") % {"name": user})
        return redirect("accounts:users")
    return render(
        request, "accounts/user_form.html", {"nav": "users", "form": form, "creating": False, "staff": user}
    )
