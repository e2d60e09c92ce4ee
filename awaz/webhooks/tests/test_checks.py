from awaz.webhooks.checks import webhook_test_networks_refused


def test_production_refuses_the_tests_loopback_exception(settings):
    assert webhook_test_networks_refused() == []
    settings.AWAZ_WEBHOOK_TEST_NETWORKS = ["127.0.0.0/8"]
    [error] = webhook_test_networks_refused()
    assert error.id == "awaz.webhooks.E001"
