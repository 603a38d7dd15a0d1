from rest_framework.pagination import PageNumberPagination


class EnvelopePagination(PageNumberPagination):
    """``{count, next, previous, results}`` — CV Tailor's list body."""

    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100
