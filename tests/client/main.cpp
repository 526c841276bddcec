// The client test runner (Boost.Test's main).
#define BOOST_TEST_MODULE tessera_client
#include <boost/test/unit_test.hpp>
