"""The open data page (licence, data dictionary) and its streamed downloads."""

from django.http import Http404
from django.shortcuts import render

from . import open_data


def open_data_page(request):
    return render(
        request,
        "thidua/open_data.html",
        {"datasets": list(open_data.DATASETS.values()), "licence": open_data.licence()},
    )


def open_data_download(request, slug, fmt):
    dataset = open_data.dataset(slug)
    if fmt == "csv":
        return open_data.csv_download(dataset)
    if fmt == "json":
        return open_data.json_download(dataset)
    raise Http404("Chỉ tải được CSV hoặc JSON.")
