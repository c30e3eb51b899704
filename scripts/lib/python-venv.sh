# Sourced by scripts: a project virtualenv in .venv with the requested packages, created and
# filled idempotently (a second run installs nothing).
VENV="${EBL_VENV:-$PWD/.venv}"

ensure_venv() {
    if [ ! -x "$VENV/bin/python" ]; then
        python3 -m venv "$VENV"
    fi
    local missing=()
    for requirement in "$@"; do
        local name="${requirement%%[=<>]*}"
        local wanted="${requirement#*==}"
        local have
        have=$("$VENV/bin/python" -m pip show "$name" 2>/dev/null | sed -n 's/^Version: //p' || true)
        if [ -z "$have" ] || { [ "$wanted" != "$requirement" ] && [ "$have" != "$wanted" ]; }; then
            missing+=("$requirement")
        fi
    done
    if [ ${#missing[@]} -gt 0 ]; then
        "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "${missing[@]}"
    fi
}
