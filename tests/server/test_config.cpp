// The configuration's environment layer: TESSERA_* variables override the defaults, and a
// value that is not a positive number leaves the default in place.
#include <boost/test/unit_test.hpp>
#include <cstdlib>

#include "adapters/config.hpp"

using namespace tessera::server;

BOOST_AUTO_TEST_SUITE(config)

BOOST_AUTO_TEST_CASE(auth_attempts_per_minute_comes_from_the_environment_when_it_is_a_positive_number) {
  Config config;
  BOOST_TEST(config.auth_attempts_per_minute == 10);
  ::setenv("TESSERA_AUTH_ATTEMPTS_PER_MINUTE", "250", 1);
  load_config_env(config);
  BOOST_TEST(config.auth_attempts_per_minute == 250);
  for (const char* junk : {"0", "-3", "many"}) {
    Config fresh;
    ::setenv("TESSERA_AUTH_ATTEMPTS_PER_MINUTE", junk, 1);
    load_config_env(fresh);
    BOOST_TEST(fresh.auth_attempts_per_minute == 10, junk);
  }
  ::unsetenv("TESSERA_AUTH_ATTEMPTS_PER_MINUTE");
}

BOOST_AUTO_TEST_SUITE_END()
