#!/usr/bin/perl
# Writes a deterministic corpus of calc statements and the same statements in bc's syntax.
#   perl bench/gen-corpus.pl arith N calc.txt bc.txt   integer/decimal lines whose values print alike
#   perl bench/gen-corpus.pl func  N calc.txt bc.txt   lines with sqrt, sin, cos, atan, ln, exp
# A fixed linear congruential generator (not perl's rand) makes the files identical on every machine.
use strict;
use warnings;

my ($kind, $count, $calc_path, $bc_path) = @ARGV;
die "usage: gen-corpus.pl arith|func N CALC_OUT BC_OUT\n" unless defined $bc_path && $kind =~ /^(arith|func)$/;

my $state = 20261129;
sub rnd {    # uniform integer in [0, n)
    my ($n) = @_;
    $state = ($state * 1103515245 + 12345) % 2147483648;
    return int(($state / 2147483648) * $n);
}
sub int_ { return 1 + rnd($_[0]) }
sub dec {    # a decimal with 1 or 2 places, at least 1 so bc and calc both print a leading digit
    my $places = 1 + rnd(2);
    my $frac = rnd(10 ** $places);
    return sprintf("%d.%0${places}d", 1 + rnd(999), $frac);
}

open(my $calc, '>', $calc_path) or die "$calc_path: $!\n";
open(my $bc, '>', $bc_path) or die "$bc_path: $!\n";
print $bc "scale=20\n";

for (1 .. $count) {
    my ($c, $b);
    if ($kind eq 'arith') {
        my $t = rnd(9);
        if    ($t == 0) { $c = int_(100000) . ' + ' . int_(100000) }
        elsif ($t == 1) { $c = int_(10000) . ' * ' . int_(10000) . ' - ' . int_(1000) }
        elsif ($t == 2) { $c = '(' . int_(1000) . ' + ' . int_(1000) . ') * ' . int_(100) }
        elsif ($t == 3) { $c = dec() . ' + ' . dec() . ' - ' . dec() }
        elsif ($t == 4) { $c = dec() . ' * ' . dec() }
        elsif ($t == 5) { $c = int_(999) . '^' . (2 + rnd(4)) }
        elsif ($t == 6) { $c = int_(100000) . ' / ' . (2, 4, 5, 8, 10, 16, 20, 25)[rnd(8)] }
        elsif ($t == 7) { $c = int_(1000) . ' - ' . int_(100) . ' * ' . int_(100) . ' + ' . int_(10000) }
        else            { $c = '-' . int_(1000) . ' + (' . dec() . ' - ' . int_(10) . ') * ' . int_(50) }
        $b = $c;
    } else {
        my $x = dec();
        my $y = sprintf("0.%02d", rnd(100));
        my $t = rnd(7);
        if    ($t == 0) { ($c, $b) = ("sqrt($x)", "sqrt($x)") }
        elsif ($t == 1) { ($c, $b) = ("sin($y) + cos($y)", "s($y) + c($y)") }
        elsif ($t == 2) { ($c, $b) = ("atan($x)", "a($x)") }
        elsif ($t == 3) { ($c, $b) = ("ln($x)", "l($x)") }
        elsif ($t == 4) { ($c, $b) = ("exp($y) * 2", "e($y) * 2") }
        elsif ($t == 5) { ($c, $b) = ("sqrt($x) + ln($x)", "sqrt($x) + l($x)") }
        else            { ($c, $b) = (int_(1000) . " * sin($y)", int_(1000) . " * s($y)") }
    }
    print $calc "$c\n";
    print $bc "$b\n";
}
close($calc) or die;
close($bc) or die;
