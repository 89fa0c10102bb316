# Prints a decimal number in one canonical form, so that calc's and bc's outputs compare by
# value: no trailing zeros after the point, a 0 before a leading point, no "-0".
{
    s = $0
    neg = 0
    if (substr(s, 1, 1) == "-") { neg = 1; s = substr(s, 2) }
    if (index(s, ".") > 0) { sub(/0+$/, "", s); sub(/\.$/, "", s) }
    if (substr(s, 1, 1) == ".") s = "0" s
    if (s == "" || s == "0") neg = 0
    print (neg ? "-" : "") (s == "" ? "0" : s)
}
