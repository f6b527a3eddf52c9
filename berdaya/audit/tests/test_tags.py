from berdaya.audit.templatetags.audit_tags import field_label


def test_a_field_is_shown_by_its_label():
    assert field_label("people.person", "birth_date") == "Tanggal lahir"


def test_a_reverse_relation_is_shown_by_the_related_records_name_and_unknown_names_as_they_are():
    # A merge records the child records it moved under the relation's name (e.g. "observations").
    assert field_label("umkm.enterprise", "observations") != "observations"
    assert field_label("umkm.enterprise", "no_such_field") == "no_such_field"
    assert field_label("no.such_model", "name") == "name"
