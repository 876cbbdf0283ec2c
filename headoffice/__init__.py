"""Head-office service that receives case logs from many desks."""
